package org.primarypipeline.voting;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.primarypipeline.core.vote.FlowPolicy;
import org.primarypipeline.core.vote.IndexedVoteInput;
import org.primarypipeline.core.vote.TallyMethod;
import org.primarypipeline.core.vote.VoteCount;
import org.primarypipeline.core.vote.VoteResult;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts a cycle from its stored rows: the frozen electorate, the proxy lists frozen at the tally and
 * the ballots. The tally, the runner-up path and the recount all count this way.
 */
@Component
public class CycleCounter {

    /** {@code names}: a candidacy id (as the engine writes it) to the person's name, for anything people read. */
    public record Count(
            CycleRecord cycle,
            IndexedVoteInput input,
            VoteRows rows,
            Set<String> offBallot,
            VoteResult result,
            UnaryOperator<String> names) {}

    private final BallotBox box;
    private final CycleRepository cycles;
    private final CandidacyRepository candidacies;
    private final JdbcClient jdbc;

    public CycleCounter(BallotBox box, CycleRepository cycles, CandidacyRepository candidacies, JdbcClient jdbc) {
        this.box = box;
        this.cycles = cycles;
        this.candidacies = candidacies;
        this.jdbc = jdbc;
    }

    public Count count(String cycleId) {
        return count(cycleId, box.rows(cycleId, VoteRowSet.ELECTORATE, VoteRowSet.PROXIES, VoteRowSet.BALLOTS));
    }

    /** Counts rows already read (the recount reads them itself, in chunks). */
    public Count count(String cycleId, VoteRows rows) {
        CycleRecord cycle = cycles.find(cycleId).orElseThrow(() -> new IllegalArgumentException("no cycle " + cycleId));
        IndexedVoteInput input = rows.toInput(
                FlowPolicy.parse(cycle.settings().policy()),
                TallyMethod.parse(cycle.settings().method()),
                seed(cycleId));
        Set<String> offBallot = offBallot(cycleId, input);
        return new Count(cycle, input, rows, offBallot, VoteCount.countExcluding(input, offBallot), names(cycleId));
    }

    /** Candidacy id to full name for every candidacy of the cycle, withdrawn ones included. */
    public UnaryOperator<String> names(String cycleId) {
        Map<String, String> byId = new HashMap<>();
        for (Candidacy c : candidacies.ofCycle(cycleId)) {
            byId.put(Long.toString(c.id()), c.fullName());
        }
        return id -> id == null ? "nobody" : byId.getOrDefault(id, "#" + id);
    }

    public long seed(String cycleId) {
        Long seed = jdbc.sql("select vote_seed from cycle where id = ?")
                .param(cycleId)
                .query(Long.class)
                .single();
        return seed == null ? 0 : seed;
    }

    /** Candidacies that ballots name but that cannot win: never approved, rejected or withdrawn. */
    private Set<String> offBallot(String cycleId, IndexedVoteInput input) {
        Set<String> onBallot = new HashSet<>();
        for (Candidacy c : candidacies.ballot(cycleId)) {
            onBallot.add(Long.toString(c.id()));
        }
        Set<String> named = new HashSet<>(input.nominees());
        named.removeAll(onBallot);
        return named;
    }
}
