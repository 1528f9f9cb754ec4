package org.primarypipeline.voting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.vetting.CandidacyStatus;
import org.primarypipeline.vetting.PledgeRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A voting round set up through the real repositories and activities, without a workflow: a cycle in
 * its voting round with signed, approved nominees, members in the district group, proxies, ballots,
 * and the count. For the ballot, recount and ballot-page tests of several modules.
 */
public final class BallotFixture {

    /** Whatever hands out the real beans: {@code ActivitiesContext::bean}, an application context's getBean. */
    public interface Beans {
        <T> T bean(Class<T> type);
    }

    private final Beans beans;

    public BallotFixture(Beans beans) {
        this.beans = beans;
    }

    /** A cycle of {@code district} in its voting round (deadline a week ahead) with {@code nominees} on the ballot. */
    public Round votingRound(String district, CycleSettings settings, String... nominees) {
        CycleRepository cycles = beans.bean(CycleRepository.class);
        CandidacyRepository candidacies = beans.bean(CandidacyRepository.class);
        PledgeRepository pledge = beans.bean(PledgeRepository.class);
        CycleRecord cycle = cycles.create("cd2026", district, settings, "alice", Instant.now());
        List<Long> ids = new ArrayList<>();
        for (String name : nominees) {
            long id = candidacies.nominate(cycle.id(), name, null, null);
            Candidacy c = candidacies.find(cycle.id(), id).orElseThrow();
            pledge.signCurrent(c.candidateId(), c.fullName(), "127.0.0.1", "test");
            candidacies.setStatus(id, CandidacyStatus.APPROVED, "test");
            ids.add(id);
        }
        cycles.enterStage(
                cycle.id(),
                CycleStage.VOTING_ROUND,
                Instant.now().plus(Duration.ofDays(7)),
                0,
                "voting is open",
                "voting-open");
        return new Round(cycle.id(), district, List.copyOf(ids));
    }

    public final class Round {
        public final String cycleId;
        public final String district;
        public final List<Long> nominees;

        Round(String cycleId, String district, List<Long> nominees) {
            this.cycleId = cycleId;
            this.district = district;
            this.nominees = nominees;
        }

        public long join(String name) {
            return beans.bean(MemberRepository.class)
                    .join(
                            district,
                            name,
                            name.toLowerCase().replace(' ', '.') + "@" + district.toLowerCase() + ".example.org",
                            null);
        }

        public void proxies(long member, MemberRepository.ProxyChoice... choices) {
            MemberRepository members = beans.bean(MemberRepository.class);
            members.replaceStandingProxies(members.groupOf(member).orElseThrow(), member, List.of(choices));
        }

        /** Freezes the electorate, publishes the seed and queues the ballot links. */
        public VotingOpened open() {
            return beans.bean(BallotActivities.class).openVoting(cycleId);
        }

        public Receipt cast(long member, Long... ranking) {
            return beans.bean(BallotBox.class).castForReceipt(cycleId, member, List.of(ranking));
        }

        /** Counts (freezing the proxy lists) and moves the cycle to certification, as the workflow does. */
        public TallySummary countAndClose() {
            TallySummary summary = beans.bean(BallotActivities.class).tally(cycleId);
            beans.bean(CycleRepository.class)
                    .enterStage(cycleId, CycleStage.CERTIFICATION, null, 0, "staff check the result", "certification");
            return summary;
        }

        public JdbcClient jdbc() {
            return beans.bean(JdbcClient.class);
        }

        /**
         * Runs {@code edit} with one of the vote's append-only triggers disabled, as only a database owner
         * can: how the recount tests make the tampering they must find.
         */
        public void withTriggerDisabled(String table, String trigger, Runnable edit) {
            jdbc().sql("alter table " + table + " disable trigger " + trigger).update();
            try {
                edit.run();
            } finally {
                jdbc().sql("alter table " + table + " enable trigger " + trigger)
                        .update();
            }
        }
    }
}
