package org.primarypipeline.voting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A counted round as published data, enough for anyone to count it again: every member of the frozen
 * electorate under a pseudonym (random per cycle) with their ballot's ranking and weight and the proxy
 * edges they named, the nominees, the seed, the chain head and the stored result. Format
 * {@value #FORMAT}; described in docs/audit-bundle.md.
 */
public record AuditBundle(
        String format,
        String cycleId,
        String districtId,
        String method,
        String policy,
        long seed,
        int unitsPerMember,
        String quorumShare,
        Chain chain,
        List<Nominee> nominees,
        List<Member> members,
        JsonNode result) {

    public static final String FORMAT = "primary-pipeline/audit-bundle/1";

    /** The receipt chain the count read: its head and length, as in the published receipt list. */
    public record Chain(String head, long length) {}

    /** A candidacy ranked on some ballot; {@code onBallot} false when withdrawn or never approved. */
    public record Nominee(String id, String name, boolean onBallot) {}

    /** {@code ranking} and {@code weight} are null for a member who cast no ballot. */
    public record Member(String id, List<String> ranking, String weight, List<Proxy> proxies) {}

    /** A proxy edge: {@code units} (1 to 10) of the member's 10 handed to the pseudonym {@code to}. */
    public record Proxy(String to, int units) {}
}
