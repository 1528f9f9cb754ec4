package org.primarypipeline.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.primarypipeline.benchmarks.CastSchedule.Confirmed;
import org.primarypipeline.benchmarks.CastSchedule.Outcome;
import org.primarypipeline.certification.RecountFindings;
import org.primarypipeline.certification.RecountVerifier;
import org.primarypipeline.console.ConsoleApplication;
import org.primarypipeline.testing.VotingRound;
import org.primarypipeline.voting.BallotAccess;
import org.primarypipeline.voting.BallotActivities;
import org.primarypipeline.voting.BallotBox;
import org.primarypipeline.voting.BallotSeal;
import org.primarypipeline.voting.VoteRowSet;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp bench ballots}: many members voting at once, through the whole app over HTTP on 127.0.0.1.
 * A round with a frozen electorate is written with COPY ({@link VotingRound}: a quarter has voted
 * already); some of its members get their ballot link, open it (each with an HTTP client and cookie jar
 * of their own) and cast on an open-loop schedule ({@link CastSchedule}), changing their ballots and
 * sometimes double-submitting. The offered rate is then stepped up until the 99th percentile reaches
 * {@value #P99_TARGET_MS} ms or an answer is an error. Then the round is sealed and counted, and what the
 * app confirmed is looked for in the sealed chain.
 */
@Command(
        name = "ballots",
        mixinStandardHelpOptions = true,
        description = "Members casting ballots over HTTP at an offered rate: latency, errors, losses, the sealed"
                + " chain, and the highest rate with p99 under 200 ms.")
public final class BallotsBench implements Runnable {

    static final double P99_TARGET_MS = 200;

    @Option(names = "--members", defaultValue = "100000", description = "Electorate size (default ${DEFAULT-VALUE}).")
    int members;

    @Option(
            names = "--voters",
            defaultValue = "1000",
            description = "Simulated members casting over HTTP (default ${DEFAULT-VALUE}).")
    int voters;

    @Option(
            names = "--rate",
            defaultValue = "200",
            description = "Offered ballots per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(
            names = "--seconds",
            defaultValue = "30",
            description = "How long that rate is offered (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(
            names = "--step",
            defaultValue = "100",
            description = "How much each step of the search for ballots.max_rate adds (default ${DEFAULT-VALUE}).")
    int step;

    @Option(
            names = "--step-seconds",
            defaultValue = "8",
            description = "How long each step is offered (default ${DEFAULT-VALUE}).")
    double stepSeconds;

    @Option(
            names = "--max-steps",
            defaultValue = "10",
            description = "Steps at most; 0 skips the search and ballots.max_rate (default ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(
            names = "--double-submit",
            defaultValue = "0.05",
            description = "Share of ballots posted twice at once (default ${DEFAULT-VALUE}).")
    double doubleShare;

    @Override
    public void run() {
        run(System.out, System.err);
    }

    void run(PrintStream out, PrintStream notes) {
        if (voters < 1 || voters > members || rate < 1 || seconds <= 0) {
            throw new IllegalArgumentException("need 1 <= --voters <= --members, --rate >= 1 and --seconds > 0");
        }
        Map<String, String> settings = Map.of("pp.temporal.worker", "false", "pp.outreach.auto-start", "false");
        try (BenchContext bench = BenchContext.startServing(ConsoleApplication.class, settings)) {
            ConfigurableApplicationContext app = bench.app();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long started = System.nanoTime();
            String cycleId = VotingRound.load(app, members);
            List<BallotVoter> simulated =
                    openBallots(app, jdbc, cycleId, URI.create("http://127.0.0.1:" + bench.port()));
            notes.printf(
                    Locale.ROOT,
                    "note: %d members frozen, %d voters opened their ballot links in %.1f s%n",
                    members,
                    simulated.size(),
                    (System.nanoTime() - started) / 1e9);

            CastSchedule schedule = new CastSchedule(simulated, 2026L, doubleShare);
            Outcome offered = schedule.run(rate, seconds);
            double load = loadAverage();
            describe(notes, offered);
            List<Confirmed> confirmed = new ArrayList<>(offered.confirmed());
            int maxRate = 0;
            if (offered.healthy(P99_TARGET_MS)) {
                maxRate = rate;
                for (int s = 1; s <= maxSteps; s++) {
                    Outcome stepped = schedule.run(rate + s * step, stepSeconds);
                    describe(notes, stepped);
                    confirmed.addAll(stepped.confirmed());
                    if (!stepped.healthy(P99_TARGET_MS)) {
                        break;
                    }
                    maxRate = stepped.rate();
                }
            }

            BallotActivities round = app.getBean(BallotActivities.class);
            BallotSeal seal = round.seal(cycleId, "bench", "pp bench ballots: the round closes");
            round.tally(cycleId);
            int lost = SealedChainCheck.lost(jdbc, seal, confirmed);
            RecountFindings recount = app.getBean(RecountVerifier.class)
                    .verify(cycleId, app.getBean(BallotBox.class).rows(cycleId, VoteRowSet.values()));
            if (!recount.matches()) {
                notes.println("note: " + recount.summary());
            }

            out.printf(Locale.ROOT, "ballots.p50_ms: %.1f ms%n", offered.p50Ms());
            out.printf(Locale.ROOT, "ballots.p99_ms: %.1f ms%n", offered.p99Ms());
            out.printf("ballots.errors: %d count%n", offered.errors());
            out.printf("ballots.lost: %d count%n", lost);
            out.printf("ballots.chain_ok: %d count%n", recount.matches() ? 1 : 0);
            if (maxSteps > 0) {
                out.printf("ballots.max_rate: %d ballots/s%n", maxRate);
            }
            out.printf("ballots.sent: %d count%n", offered.sent());
            out.printf("ballots.double_submits: %d count%n", offered.doubles());
            out.printf("ballots.chain_length: %d count%n", seal.chainLength());
            out.printf(Locale.ROOT, "ballots.load_average: %.1f load%n", load);
        }
    }

    /**
     * Gives every {@code members / voters}-th member of the electorate an address, issues the round's
     * links (so only they get one), and has each simulated member open theirs, a few at a time.
     */
    private List<BallotVoter> openBallots(
            ConfigurableApplicationContext app, JdbcClient jdbc, String cycleId, URI base) {
        jdbc.sql("""
                update member set email = 'voter' || id || '@bench.example.org'
                where id in (select member_id from (
                    select member_id, row_number() over (order by member_id) as n from electorate where cycle_id = ?
                ) e where n % ? = 0 limit ?)""").params(cycleId, members / voters, voters).update();
        List<BallotAccess.Link> links = app.getBean(BallotAccess.class).issueOpeningLinks(cycleId);
        ExecutorService http = Executors.newFixedThreadPool(8, BallotsBench::daemon);
        ExecutorService opening = Executors.newFixedThreadPool(8, BallotsBench::daemon);
        try {
            List<BallotVoter> simulated = new ArrayList<>();
            List<Future<?>> opened = new ArrayList<>();
            for (BallotAccess.Link link : links) {
                BallotVoter voter = new BallotVoter(base, cycleId, link.memberId(), http);
                String token = link.url().substring(link.url().lastIndexOf('/') + 1);
                simulated.add(voter);
                opened.add(opening.submit(() -> {
                    voter.open(token);
                    return null;
                }));
            }
            for (Future<?> f : opened) {
                f.get();
            }
            return simulated;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while members opened their ballots", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "a member could not open their ballot: " + e.getCause().getMessage(), e);
        } finally {
            opening.shutdown();
        }
    }

    private static void describe(PrintStream notes, Outcome o) {
        notes.printf(
                Locale.ROOT,
                "note: %d ballots/s offered: %d answers (%d double submits), p50 %.1f ms, p99 %.1f ms, %d errors"
                        + " (%d double submits processed twice; %d answered with two receipt numbers)%s%n",
                o.rate(),
                o.sent(),
                o.doubles(),
                o.p50Ms(),
                o.p99Ms(),
                o.errors(),
                o.processedTwice(),
                o.differentReceipts(),
                o.errorSamples().isEmpty() ? "" : "; e.g. " + String.join(" | ", o.errorSamples()));
    }

    /** The clients' threads end with the bench, never keep a JVM alive. */
    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "bench-voters");
        thread.setDaemon(true);
        return thread;
    }

    /** The one-minute load average, where the system tells it (Linux). */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
