package org.primarypipeline.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.vote.Ballot;
import org.primarypipeline.core.vote.ProxyShare;
import org.primarypipeline.core.vote.VoteInput;
import org.primarypipeline.core.vote.VoteScenario;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.vetting.CandidacyStatus;
import org.primarypipeline.vetting.PledgeRepository;
import org.primarypipeline.voting.CopyInWriter;
import org.primarypipeline.voting.ReceiptChain;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A national-shaped voting round written straight into a migrated database with COPY: the members,
 * proxies and ballots of a {@link VoteScenario} (3 proxies on average, a quarter voting, 10 nominees,
 * seed 2026) in one district's cycle. What {@code pp bench recount} times and the remote-partitioning
 * test recounts; loading a million members through the ballot API would take longer than the recount.
 */
public final class VotingRound {

    private static final String DISTRICT = "AK-01";

    private VotingRound() {}

    /**
     * The scenario's members become member ids 1..n in one district group, its proxies their standing
     * lists, its ballots cast in member order with their receipt chain; ten nominees sign and are approved.
     * Returns the cycle's id; the cycle is left in the voting round, every ballot cast.
     */
    public static String load(ApplicationContext app, int members) {
        VoteInput scenario =
                VoteScenario.generate(members, 3.0, 0.25, 10, 2026L).toVoteInput();
        CycleRepository cycles = app.getBean(CycleRepository.class);
        CandidacyRepository candidacies = app.getBean(CandidacyRepository.class);
        PledgeRepository pledge = app.getBean(PledgeRepository.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        DataSource dataSource = app.getBean(DataSource.class);

        CycleRecord cycle = cycles.create("cd2026", DISTRICT, CycleSettings.defaults(), "bench", Instant.now());
        String cycleId = cycle.id();
        List<String> nominees = new ArrayList<>(new java.util.TreeSet<>(
                scenario.ballots().stream().flatMap(b -> b.ranking().stream()).toList()));
        Map<String, Long> candidacy = new java.util.HashMap<>();
        for (String nominee : nominees) {
            long id = candidacies.nominate(cycleId, "Bench " + nominee, null, null);
            Candidacy c = candidacies.find(cycleId, id).orElseThrow();
            pledge.signCurrent(c.candidateId(), c.fullName(), "127.0.0.1", "bench");
            candidacies.setStatus(id, CandidacyStatus.APPROVED, "bench");
            candidacy.put(nominee, id);
        }
        cycles.enterStage(
                cycleId,
                CycleStage.VOTING_ROUND,
                Instant.now().plus(Duration.ofDays(7)),
                0,
                "voting is open",
                "voting-open");
        long group = jdbc.sql("select id from district_group where district_id = ?")
                .param(DISTRICT)
                .query(Long.class)
                .single();
        long base = jdbc.sql("select coalesce(max(id), 0) from member")
                .query(Long.class)
                .single();
        jdbc.sql("update cycle set vote_seed = 2026 where id = ?")
                .param(cycleId)
                .update();

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            String cycle1 = CopyInWriter.escape(cycleId);
            try (CopyInWriter rows = CopyInWriter.open(connection, "copy member (id, full_name) from stdin")) {
                for (int i = 0; i < scenario.members().size(); i++) {
                    rows.append(base + i + 1)
                            .append("\tBench member ")
                            .append(i + 1)
                            .append('\n');
                }
            }
            try (CopyInWriter rows =
                    CopyInWriter.open(connection, "copy group_membership (group_id, member_id) from stdin")) {
                for (int i = 0; i < scenario.members().size(); i++) {
                    rows.append(group).append('\t').append(base + i + 1).append('\n');
                }
            }
            try (CopyInWriter rows =
                    CopyInWriter.open(connection, "copy electorate (cycle_id, member_id) from stdin")) {
                for (int i = 0; i < scenario.members().size(); i++) {
                    rows.append(cycle1).append('\t').append(base + i + 1).append('\n');
                }
            }
            try (CopyInWriter rows = CopyInWriter.open(
                    connection,
                    "copy proxy_assignment (group_id, member_id, proxy_member_id, units, position) from stdin")) {
                String previous = null;
                int position = 0;
                for (ProxyShare share : scenario.proxies()) {
                    position = share.memberId().equals(previous) ? position + 1 : 0;
                    previous = share.memberId();
                    rows.append(group)
                            .append('\t')
                            .append(id(base, share.memberId()))
                            .append('\t')
                            .append(id(base, share.proxyId()))
                            .append('\t')
                            .append(share.units())
                            .append('\t')
                            .append(position)
                            .append('\n');
                }
            }
            List<Ballot> ballots = scenario.ballots();
            String[] receipts = new String[ballots.size()];
            String[] rankings = new String[ballots.size()];
            try (CopyInWriter chain = CopyInWriter.open(
                    connection, "copy ballot_receipt (cycle_id, seq, member_id, previous, receipt) from stdin")) {
                String previous = ReceiptChain.GENESIS;
                for (int b = 0; b < ballots.size(); b++) {
                    long member = id(base, ballots.get(b).memberId());
                    rankings[b] = ReceiptChain.ranking(ballots.get(b).ranking().stream()
                            .map(candidacy::get)
                            .toList());
                    // loaded as entries from before ballot secrets (no secret hash): the formula the recount keeps for
                    // them
                    receipts[b] = ReceiptChain.receipt(previous, cycleId, member, rankings[b], b + 1, null);
                    chain.append(cycle1)
                            .append('\t')
                            .append(b + 1)
                            .append('\t')
                            .append(member)
                            .append('\t')
                            .append(previous)
                            .append('\t')
                            .append(receipts[b])
                            .append('\n');
                    previous = receipts[b];
                }
            }
            try (CopyInWriter rows = CopyInWriter.open(
                    connection, "copy ballot (cycle_id, member_id, ranking, receipt, receipt_seq) from stdin")) {
                for (int b = 0; b < ballots.size(); b++) {
                    rows.append(cycle1)
                            .append('\t')
                            .append(id(base, ballots.get(b).memberId()))
                            .append("\t{")
                            .append(rankings[b].replace('>', ','))
                            .append("}\t")
                            .append(receipts[b])
                            .append('\t')
                            .append(b + 1)
                            .append('\n');
                }
            }
            connection.commit();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot load the bench round", e);
        }
        jdbc.sql("select setval('member_id_seq', (select max(id) from member))")
                .query(Long.class)
                .single();
        return cycleId;
    }

    /** Scenario ids are {@code m} and a zero-padded index. */
    private static long id(long base, String scenarioId) {
        return base + Integer.parseInt(scenarioId, 1, scenarioId.length(), 10) + 1;
    }
}
