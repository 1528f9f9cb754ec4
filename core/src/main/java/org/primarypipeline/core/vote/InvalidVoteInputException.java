package org.primarypipeline.core.vote;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A count refused because its input breaks a rule. It names the member at fault and the other ids
 * involved (the proxy or nominee), so that a caller holding the source rows can point at the exact one.
 */
public final class InvalidVoteInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Which rule was broken; {@link #ids()} holds the proxy or nominee the rule concerns, if any. */
    public enum Problem {
        BLANK_MEMBER,
        DUPLICATE_MEMBER,
        /** A proxy row whose member is outside the electorate; ids: the proxy. */
        UNKNOWN_DELEGATOR,
        /** ids: the proxy named. */
        UNKNOWN_PROXY,
        PROXY_TO_SELF,
        /** ids: the proxy given no units. */
        UNITS_NOT_POSITIVE,
        /** ids: the proxy named twice. */
        DUPLICATE_PROXY,
        TOO_MANY_PROXIES,
        UNITS_NOT_TEN,
        /** A ballot whose member is outside the electorate. */
        UNKNOWN_VOTER,
        DUPLICATE_BALLOT,
        EMPTY_RANKING,
        BLANK_NOMINEE,
        /** ids: the nominee ranked twice. */
        REPEATED_NOMINEE
    }

    private final Problem problem;
    private final String memberId;
    private final List<String> ids;

    public InvalidVoteInputException(Problem problem, String memberId, List<String> ids, String message) {
        super(message);
        this.problem = problem;
        this.memberId = memberId;
        this.ids = Collections.unmodifiableList(new ArrayList<>(ids));
    }

    public Problem problem() {
        return problem;
    }

    /** The member whose row is at fault; null only for a blank id in the electorate. */
    public String memberId() {
        return memberId;
    }

    public List<String> ids() {
        return ids;
    }
}
