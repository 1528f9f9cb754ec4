package org.primarypipeline.console.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.primarypipeline.voting.BallotActivities;
import org.primarypipeline.voting.CopyInWriter;
import org.primarypipeline.voting.ReceiptChain;
import org.primarypipeline.voting.VoteRowSet;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.vetting.PledgeRepository;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.vetting.CandidacyStatus;
import org.primarypipeline.batch.recount.BatchRecountRunner;
import org.primarypipeline.console.ConsoleApplication;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.vote.Ballot;
import org.primarypipeline.core.vote.ProxyShare;
import org.primarypipeline.core.vote.VoteInput;
import org.primarypipeline.core.vote.VoteScenario;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp bench recount}: a national-scale round (1,000,000 members naming 3 proxies on average, a
 * quarter voting, dead ends and cycles, 10 nominees, from {@link VoteScenario}) is loaded into a fresh
 * embedded PostgreSQL with COPY and counted by the tally activity; then the recount job and a plain
 * {@code COPY (select ...) TO STDOUT} of the same rows (electorate, proxy lists as counted, ballots,
 * receipts, stored weights, discarded as read) are timed in turns, five times each after one untimed
 * round. The medians are printed ({@code recount.count_seconds}: the part of the recount spent counting,
 * checking the chain and comparing); the recount must match, or the bench fails.
 */
@Command(name = "recount", description = "Time the recount job of a 1,000,000-member round against COPY of the same rows.")
public class RecountBench implements Runnable {

    @Option(names = "--members", defaultValue = "1000000", description = "Electorate size (default ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs of each (default ${DEFAULT-VALUE}); medians are printed.")
    int runs;

    private static final String DISTRICT = "AK-01";

    @Override
    public void run() {
        PrintStream out = System.out;
        try (BenchContext bench = BenchContext.start(ConsoleApplication.class, Map.of("pp.temporal.worker", "false"))) {
            ConfigurableApplicationContext app = bench.app();
            String cycleId = load(app, members);
            long started = System.nanoTime();
            app.getBean(BallotActivities.class).tally(cycleId);
            double tally = (System.nanoTime() - started) / 1e9;
            app.getBean(CycleRepository.class).enterStage(cycleId, CycleStage.CERTIFICATION, null, 0,
                    "staff check the result", "certification");
            app.getBean(JdbcClient.class).sql("vacuum analyze").update();

            BatchRecountRunner recounts = app.getBean(BatchRecountRunner.class);
            DataSource dataSource = app.getBean(DataSource.class);
            double[] recount = new double[runs];
            double[] copy = new double[runs];
            double[] compare = new double[runs];
            // one untimed round of each first: the JIT has compiled neither the readers nor the checks yet
            copySeconds(dataSource, cycleId);
            recounts.run(BatchRecountRunner.parameters(cycleId, "bench-warm-up", "bench"));
            for (int i = 0; i < runs; i++) {
                copy[i] = copySeconds(dataSource, cycleId);
                long t = System.nanoTime();
                JobExecution execution = recounts.run(BatchRecountRunner.parameters(cycleId, "bench-" + i, "bench"));
                recount[i] = (System.nanoTime() - t) / 1e9;
                compare[i] = execution.getStepExecutions().stream()
                        .filter(step -> step.getStepName().equals("recount-compare"))
                        .mapToDouble(step -> Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1e3)
                        .sum();
                if (execution.getStatus() != BatchStatus.COMPLETED) {
                    throw new IllegalStateException("the recount did not match: "
                            + recounts.outcome(cycleId, execution).detail());
                }
            }
            double recountSeconds = median(recount);
            double copySeconds = median(copy);
            out.printf(Locale.ROOT, "recount.seconds: %.2f s%n", recountSeconds);
            out.printf(Locale.ROOT, "recount.copy_seconds: %.2f s%n", copySeconds);
            out.printf(Locale.ROOT, "recount.ratio: %.2f x%n", recountSeconds / copySeconds);
            out.printf(Locale.ROOT, "recount.count_seconds: %.2f s%n", median(compare));
            out.printf(Locale.ROOT, "recount.tally_seconds: %.2f s%n", tally);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            out.printf("recount.members: %d count%n", jdbc.sql("select count(*) from electorate where cycle_id = ?")
                    .param(cycleId).query(Long.class).single());
            out.printf("recount.proxy_rows: %d count%n", jdbc.sql("select count(*) from cycle_proxy where cycle_id = ?")
                    .param(cycleId).query(Long.class).single());
            out.printf("recount.ballots: %d count%n", jdbc.sql("select count(*) from ballot where cycle_id = ?")
                    .param(cycleId).query(Long.class).single());
            // on-disk size (rows, indexes, TOAST) of what a round of this size stores, for deploy/CAPACITY.md
            long total = 0;
            for (String table : List.of("member", "group_membership", "proxy_assignment", "electorate", "cycle_proxy",
                    "ballot", "ballot_receipt", "ballot_weight")) {
                long bytes = jdbc.sql("select pg_total_relation_size(cast(? as regclass))").param(table)
                        .query(Long.class).single();
                total += bytes;
                out.printf("recount.table_bytes.%s: %d bytes%n", table, bytes);
            }
            out.printf(Locale.ROOT, "recount.bytes_per_member: %.0f bytes%n", (double) total / members);
        }
    }

    /** Reads the recount's five row sets with plain COPY, throwing the bytes away. */
    private static double copySeconds(DataSource dataSource, String cycleId) {
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long started = System.nanoTime();
            for (VoteRowSet set : VoteRowSet.values()) {
                copy.copyOut(set.copy(cycleId), OutputStream.nullOutputStream());
            }
            return (System.nanoTime() - started) / 1e9;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY failed", e);
        }
    }

    /**
     * The scenario's members become member ids 1..n in one district group, its proxies their standing
     * lists, its ballots cast in member order with their receipt chain; ten nominees sign and are approved.
     * Also the round the remote-partitioning test recounts.
     */
    public static String load(ConfigurableApplicationContext app, int members) {
        VoteInput scenario = VoteScenario.generate(members, 3.0, 0.25, 10, 2026L).toVoteInput();
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
        cycles.enterStage(cycleId, CycleStage.VOTING_ROUND, Instant.now().plus(Duration.ofDays(7)), 0,
                "voting is open", "voting-open");
        long group = jdbc.sql("select id from district_group where district_id = ?").param(DISTRICT)
                .query(Long.class).single();
        long base = jdbc.sql("select coalesce(max(id), 0) from member").query(Long.class).single();
        jdbc.sql("update cycle set vote_seed = 2026 where id = ?").param(cycleId).update();

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            String cycle1 = CopyInWriter.escape(cycleId);
            try (CopyInWriter rows = CopyInWriter.open(connection, "copy member (id, full_name) from stdin")) {
                for (int i = 0; i < scenario.members().size(); i++) {
                    rows.append(base + i + 1).append("\tBench member ").append(i + 1).append('\n');
                }
            }
            try (CopyInWriter rows = CopyInWriter.open(connection, "copy group_membership (group_id, member_id) from stdin")) {
                for (int i = 0; i < scenario.members().size(); i++) {
                    rows.append(group).append('\t').append(base + i + 1).append('\n');
                }
            }
            try (CopyInWriter rows = CopyInWriter.open(connection, "copy electorate (cycle_id, member_id) from stdin")) {
                for (int i = 0; i < scenario.members().size(); i++) {
                    rows.append(cycle1).append('\t').append(base + i + 1).append('\n');
                }
            }
            try (CopyInWriter rows = CopyInWriter.open(connection,
                    "copy proxy_assignment (group_id, member_id, proxy_member_id, units, position) from stdin")) {
                String previous = null;
                int position = 0;
                for (ProxyShare share : scenario.proxies()) {
                    position = share.memberId().equals(previous) ? position + 1 : 0;
                    previous = share.memberId();
                    rows.append(group).append('\t').append(id(base, share.memberId())).append('\t')
                            .append(id(base, share.proxyId())).append('\t').append(share.units()).append('\t')
                            .append(position).append('\n');
                }
            }
            List<Ballot> ballots = scenario.ballots();
            String[] receipts = new String[ballots.size()];
            String[] rankings = new String[ballots.size()];
            try (CopyInWriter chain = CopyInWriter.open(connection,
                    "copy ballot_receipt (cycle_id, seq, member_id, previous, receipt) from stdin")) {
                String previous = ReceiptChain.GENESIS;
                for (int b = 0; b < ballots.size(); b++) {
                    long member = id(base, ballots.get(b).memberId());
                    rankings[b] = ReceiptChain.ranking(ballots.get(b).ranking().stream().map(candidacy::get).toList());
                    receipts[b] = ReceiptChain.receipt(previous, cycleId, member, rankings[b], b + 1);
                    chain.append(cycle1).append('\t').append(b + 1).append('\t').append(member).append('\t')
                            .append(previous).append('\t').append(receipts[b]).append('\n');
                    previous = receipts[b];
                }
            }
            try (CopyInWriter rows = CopyInWriter.open(connection,
                    "copy ballot (cycle_id, member_id, ranking, receipt, receipt_seq) from stdin")) {
                for (int b = 0; b < ballots.size(); b++) {
                    rows.append(cycle1).append('\t').append(id(base, ballots.get(b).memberId())).append("\t{")
                            .append(rankings[b].replace('>', ',')).append("}\t").append(receipts[b]).append('\t')
                            .append(b + 1).append('\n');
                }
            }
            connection.commit();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot load the bench round", e);
        }
        jdbc.sql("select setval('member_id_seq', (select max(id) from member))").query(Long.class).single();
        return cycleId;
    }

    /** Scenario ids are {@code m} and a zero-padded index. */
    private static long id(long base, String scenarioId) {
        return base + Integer.parseInt(scenarioId, 1, scenarioId.length(), 10) + 1;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
