package org.primarypipeline.voting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.core.vote.Ballot;
import org.primarypipeline.core.vote.FlowPolicy;
import org.primarypipeline.core.vote.ProxyShare;
import org.primarypipeline.core.vote.TallyMethod;
import org.primarypipeline.core.vote.VoteInput;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the audit bundle of a counted round from the rows the count read (the same reader, so the
 * bundle covers exactly the ballots the count covered: once rounds are sealed, the sealed chain) and
 * the stored result. Members appear only as pseudonyms, sorted by pseudonym so that not even the order
 * follows member numbers.
 */
@Component
public class AuditBundles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BallotBox box;
    private final CycleRepository cycles;
    private final CandidacyRepository candidacies;
    private final JdbcClient jdbc;

    public AuditBundles(BallotBox box, CycleRepository cycles, CandidacyRepository candidacies, JdbcClient jdbc) {
        this.box = box;
        this.cycles = cycles;
        this.candidacies = candidacies;
        this.jdbc = jdbc;
    }

    private record Counted(long seed, String result, String chainHead, long chainLength) {}

    /** Empty until the round has been counted. */
    @Transactional
    public Optional<AuditBundle> of(String cycleId) {
        Optional<Counted> counted = jdbc.sql(
                        "select seed, result::text, chain_head, chain_length from cycle_result where cycle_id = ?")
                .param(cycleId)
                .query((rs, n) -> new Counted(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional();
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        CycleRecord cycle = cycles.find(cycleId).orElseThrow();
        VoteRows rows =
                box.rows(cycleId, VoteRowSet.ELECTORATE, VoteRowSet.PROXIES, VoteRowSet.BALLOTS, VoteRowSet.WEIGHTS);
        VoteInput input = rows.toInput(
                        FlowPolicy.parse(cycle.settings().policy()),
                        TallyMethod.parse(cycle.settings().method()),
                        counted.get().seed())
                .toVoteInput();
        Map<String, String> pseudonyms = pseudonyms(cycleId);
        Map<String, String> weights = new HashMap<>();
        for (int w = 0; w < rows.weightCount(); w++) {
            weights.put(Long.toString(rows.weightMember(w)), plain(rows.weight(w)));
        }
        Map<String, List<AuditBundle.Proxy>> proxies = new HashMap<>();
        for (ProxyShare p : input.proxies()) {
            proxies.computeIfAbsent(p.memberId(), m -> new ArrayList<>())
                    .add(new AuditBundle.Proxy(pseudonyms.get(p.proxyId()), p.units()));
        }
        Map<String, List<String>> rankings = new HashMap<>();
        for (Ballot b : input.ballots()) {
            rankings.put(b.memberId(), b.ranking());
        }
        List<AuditBundle.Member> members = new ArrayList<>();
        for (String member : input.members()) {
            List<AuditBundle.Proxy> named = new ArrayList<>(proxies.getOrDefault(member, List.of()));
            named.sort(Comparator.comparing(AuditBundle.Proxy::to));
            List<String> ranking = rankings.get(member);
            members.add(new AuditBundle.Member(
                    pseudonyms.get(member),
                    ranking,
                    ranking == null ? null : weights.getOrDefault(member, "0"),
                    named));
        }
        members.sort(Comparator.comparing(AuditBundle.Member::id));
        JsonNode result = document(counted.get().result());
        return Optional.of(new AuditBundle(
                AuditBundle.FORMAT,
                cycleId,
                cycle.districtId(),
                cycle.settings().method(),
                cycle.settings().policy(),
                counted.get().seed(),
                org.primarypipeline.core.vote.IndexedVoteInput.UNITS_PER_MEMBER,
                cycle.settings().quorumShare().toPlainString(),
                new AuditBundle.Chain(counted.get().chainHead(), counted.get().chainLength()),
                nominees(cycleId, input, result),
                members,
                result));
    }

    /** Every frozen member's pseudonym, made on first use and kept. */
    private Map<String, String> pseudonyms(String cycleId) {
        jdbc.sql("""
                insert into audit_pseudonym (cycle_id, member_id, pseudonym)
                select e.cycle_id, e.member_id, 'p' || replace(gen_random_uuid()::text, '-', '')
                from electorate e where e.cycle_id = ?
                on conflict do nothing
                """).param(cycleId).update();
        Map<String, String> byMember = new HashMap<>();
        jdbc.sql("select member_id, pseudonym from audit_pseudonym where cycle_id = ?")
                .param(cycleId)
                .query(rs -> {
                    byMember.put(Long.toString(rs.getLong(1)), rs.getString(2));
                });
        return byMember;
    }

    private List<AuditBundle.Nominee> nominees(String cycleId, VoteInput input, JsonNode result) {
        Map<String, String> names = new HashMap<>();
        for (Candidacy c : candidacies.ofCycle(cycleId)) {
            names.put(Long.toString(c.id()), c.fullName());
        }
        List<String> offBallot = new ArrayList<>();
        result.path("offBallot").forEach(id -> offBallot.add(id.asText()));
        List<AuditBundle.Nominee> nominees = new ArrayList<>();
        input.ballots().stream()
                .flatMap(b -> b.ranking().stream())
                .distinct()
                .sorted()
                .forEach(id -> nominees.add(
                        new AuditBundle.Nominee(id, names.getOrDefault(id, "#" + id), !offBallot.contains(id))));
        return nominees;
    }

    private static JsonNode document(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored result is unreadable", e);
        }
    }

    private static String plain(BigDecimal weight) {
        return weight.toPlainString();
    }
}
