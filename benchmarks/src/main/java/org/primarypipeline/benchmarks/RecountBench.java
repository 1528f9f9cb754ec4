package org.primarypipeline.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.primarypipeline.batch.recount.BatchRecountRunner;
import org.primarypipeline.console.ConsoleApplication;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.testing.VotingRound;
import org.primarypipeline.voting.BallotActivities;
import org.primarypipeline.voting.VoteRowSet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp bench recount}: a national-scale round (1,000,000 members naming 3 proxies on average, a
 * quarter voting, dead ends and cycles, 10 nominees: a {@link VotingRound}) is loaded into a fresh
 * embedded PostgreSQL with COPY and counted by the tally activity; then the recount job and a plain
 * {@code COPY (select ...) TO STDOUT} of the same rows (electorate, proxy lists as counted, ballots,
 * receipts, stored weights, discarded as read) are timed in turns, five times each after one untimed
 * round. The medians are printed ({@code recount.count_seconds}: the part of the recount spent counting,
 * checking the chain and comparing); the recount must match, or the bench fails.
 */
@Command(
        name = "recount",
        description = "Time the recount job of a 1,000,000-member round against COPY of the same rows.")
public class RecountBench implements Runnable {

    @Option(names = "--members", defaultValue = "1000000", description = "Electorate size (default ${DEFAULT-VALUE}).")
    int members;

    @Option(
            names = "--runs",
            defaultValue = "5",
            description = "Timed runs of each (default ${DEFAULT-VALUE}); medians are printed.")
    int runs;

    @Override
    public void run() {
        PrintStream out = System.out;
        try (BenchContext bench = BenchContext.start(ConsoleApplication.class, Map.of("pp.temporal.worker", "false"))) {
            ConfigurableApplicationContext app = bench.app();
            String cycleId = VotingRound.load(app, members);
            long started = System.nanoTime();
            app.getBean(BallotActivities.class).tally(cycleId);
            double tally = (System.nanoTime() - started) / 1e9;
            app.getBean(CycleRepository.class)
                    .enterStage(cycleId, CycleStage.CERTIFICATION, null, 0, "staff check the result", "certification");
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
                        .mapToDouble(step -> Duration.between(step.getStartTime(), step.getEndTime())
                                        .toMillis()
                                / 1e3)
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
            out.printf(
                    "recount.members: %d count%n",
                    jdbc.sql("select count(*) from electorate where cycle_id = ?")
                            .param(cycleId)
                            .query(Long.class)
                            .single());
            out.printf(
                    "recount.proxy_rows: %d count%n",
                    jdbc.sql("select count(*) from cycle_proxy where cycle_id = ?")
                            .param(cycleId)
                            .query(Long.class)
                            .single());
            out.printf(
                    "recount.ballots: %d count%n",
                    jdbc.sql("select count(*) from ballot where cycle_id = ?")
                            .param(cycleId)
                            .query(Long.class)
                            .single());
            // on-disk size (rows, indexes, TOAST) of what a round of this size stores, for deploy/CAPACITY.md
            long total = 0;
            for (String table : List.of(
                    "member",
                    "group_membership",
                    "proxy_assignment",
                    "electorate",
                    "cycle_proxy",
                    "ballot",
                    "ballot_receipt",
                    "ballot_weight")) {
                long bytes = jdbc.sql("select pg_total_relation_size(cast(? as regclass))")
                        .param(table)
                        .query(Long.class)
                        .single();
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

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
