package org.primarypipeline.activities.ballot;

import java.util.HashSet;
import java.util.Set;
import org.primarypipeline.activities.cycle.CycleRecord;
import org.primarypipeline.activities.cycle.CycleRepository;
import org.primarypipeline.activities.vetting.Candidacy;
import org.primarypipeline.activities.vetting.CandidacyRepository;
import org.primarypipeline.core.vote.VoteCount;
import org.primarypipeline.core.vote.VoteInput;
import org.primarypipeline.core.vote.VoteResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts a cycle from its stored rows; the tally, the recount and the runner-up path all use it. */
@Component
public class CycleCounter {

    public record Count(CycleRecord cycle, VoteInput input, Set<String> offBallot, VoteResult result) {
    }

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
        CycleRecord cycle = cycles.find(cycleId).orElseThrow(() -> new IllegalArgumentException("no cycle " + cycleId));
        Long seed = jdbc.sql("select vote_seed from cycle where id = ?").param(cycleId).query(Long.class).single();
        VoteInput input = box.input(cycleId, cycle.settings().policy(), cycle.settings().method(),
                seed == null ? 0 : seed);
        Set<String> offBallot = offBallot(cycleId, input);
        return new Count(cycle, input, offBallot, VoteCount.countExcluding(input, offBallot));
    }

    /** Candidacies that ballots name but that cannot win: never approved, rejected or withdrawn. */
    private Set<String> offBallot(String cycleId, VoteInput input) {
        Set<String> onBallot = new HashSet<>();
        for (Candidacy c : candidacies.ballot(cycleId)) {
            onBallot.add(Long.toString(c.id()));
        }
        Set<String> named = new HashSet<>();
        input.ballots().forEach(b -> named.addAll(b.ranking()));
        named.removeAll(onBallot);
        return named;
    }
}
