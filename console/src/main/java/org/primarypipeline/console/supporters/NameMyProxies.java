package org.primarypipeline.console.supporters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.voting.BallotService;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in member names their standing proxies on "People I trust": a thin adapter over the one door
 * for standing lists ({@link BallotService#nameStandingProxies}, which checks the group and the shares
 * again) that adds what this page promises: only people the member is connected to, and an audit entry.
 * The member acts on their own list only: the id comes from their session, never from the form.
 */
@Service
public class NameMyProxies {

    /** One row of the form: a person offered on the page and the share typed for them (blank: not named). */
    public record Share(long personId, String units) {}

    /** Refused input: field name to the bundle key of the sentence said beside it. */
    public static final class Refused extends IllegalArgumentException {
        private final transient Map<String, String> keys;

        Refused(Map<String, String> keys) {
            super(String.join(" ", keys.values()));
            this.keys = Map.copyOf(keys);
        }

        public Map<String, String> keys() {
            return keys;
        }
    }

    private final TrustReadModel reads;
    private final BallotService ballots;
    private final AuditLog audit;

    public NameMyProxies(TrustReadModel reads, BallotService ballots, AuditLog audit) {
        this.reads = reads;
        this.ballots = ballots;
        this.audit = audit;
    }

    /** Replaces the member's standing list; rows are keyed {@code share_1..n} for the refusals. */
    @Transactional
    public void save(long memberId, List<Share> rows) {
        Set<Long> connected = reads.connected(memberId).stream()
                .map(TrustReadModel.Person::memberId)
                .collect(Collectors.toSet());
        Map<String, String> problems = new LinkedHashMap<>();
        List<ProxyChoice> choices = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < rows.size(); i++) {
            Share row = rows.get(i);
            String units = row.units() == null ? "" : row.units().strip();
            if (units.isEmpty() || "0".equals(units)) {
                continue;
            }
            if (!connected.contains(row.personId())) {
                problems.put("people", "trust.error.not-connected");
                continue;
            }
            if (!units.matches("\\d{1,2}") || Integer.parseInt(units) > 10) {
                problems.put("share_" + (i + 1), "trust.error.share");
                continue;
            }
            int u = Integer.parseInt(units);
            total += u;
            choices.add(new ProxyChoice(row.personId(), u));
        }
        if (problems.isEmpty() && !choices.isEmpty() && total != 10) {
            problems.put("shares", "trust.error.sum");
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        Map<Long, Integer> before = reads.standing(memberId);
        try {
            ballots.nameStandingProxies(memberId, choices);
        } catch (IllegalArgumentException refusedByTheDoor) {
            // the one door's own checks (group, shares): said here as the page's sentence
            throw new Refused(Map.of("people", "trust.error.not-in-group"));
        }
        Map<Long, Integer> after = new LinkedHashMap<>();
        choices.forEach(c -> after.put(c.proxyMemberId(), c.units()));
        audit.record(
                "member " + memberId,
                "MEMBER",
                "member.proxies.named",
                Long.toString(memberId),
                Outcome.DONE,
                choices.isEmpty() ? "standing list emptied" : "standing list of " + choices.size(),
                Map.of("standing", before.toString()),
                Map.of("standing", after.toString()));
    }
}
