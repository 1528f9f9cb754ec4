package org.primarypipeline.benchmarks;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.primarypipeline.console.ConsoleApplication;
import org.primarypipeline.console.config.TemporalProperties;
import org.primarypipeline.console.cycles.CycleService;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.district.District;
import org.primarypipeline.core.district.PublicData;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.vetting.PledgeRepository;
import org.primarypipeline.vetting.VettingDecision;
import org.primarypipeline.workflows.cycle.CyclePlan;
import org.primarypipeline.workflows.cycle.StaffAction;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp bench cycles}: the whole app (real PostgreSQL, the in-process Temporal server over gRPC, one
 * worker) launches a cycle in each of the 435 districts at once and drives each to its voting round;
 * then one cycle with a 100,000-member group runs to the end, and its workflow history is counted. The
 * reference, in the same run on the same server: as many trivial workflows, each running as many no-op
 * activities as one of the cycles ran ({@link TrivialCycles}), so {@code cycles.ratio} is the share of
 * the time that is ours rather than Temporal's.
 */
@Command(
        name = "cycles",
        description = "435 cycles at once to the voting round; history size for a 100,000-member group.")
public class CyclesBench implements Runnable {

    /** Staff members driving cycles at the same time (each holds a database connection only while it reads or writes). */
    static final int DRIVERS = 64;

    @Option(
            names = "--members",
            defaultValue = "100000",
            description = "Size of the large group (default ${DEFAULT-VALUE}).")
    int members;

    @Option(
            names = "--districts",
            defaultValue = "435",
            description = "How many cycles to launch at once (default ${DEFAULT-VALUE}).")
    int districts;

    @Option(
            names = "--warmup-rounds",
            defaultValue = "2",
            description =
                    "Rounds of 435 cycles run, then cancelled, before the measured one (default ${DEFAULT-VALUE}; 0 measures a JVM that has compiled nothing yet).")
    int warmupRounds;

    @Override
    public void run() {
        PrintStream out = System.out;
        try (BenchContext bench = BenchContext.start(ConsoleApplication.class, Map.of())) {
            ConfigurableApplicationContext app = bench.app();
            WorkflowClient client = app.getBean(WorkflowClient.class);
            TemporalProperties temporal = app.getBean(TemporalProperties.class);
            int round = 1;
            // a serving app has compiled its hot paths long before a launch day; a first round in a fresh
            // JVM spent half the processor on the JIT compiler, and the reference, run after it, found the
            // server's and the SDK's code compiled already. Both are measured warm.
            for (; round <= warmupRounds; round++) {
                double warmup = launchAllToVoting(app, round);
                if (round == 1) {
                    out.printf("cycles.cold_seconds: %.1f s%n", warmup);
                }
                System.err.printf("warm-up round %d: %.1f s%n", round, warmup);
                cancelAll(app, round);
                TrivialCycles.run(client, temporal, districts, TrivialCycles.activitiesIn(firstHistory(client, round)));
                CycleShapedWorkflows.run(client, temporal, districts, DRIVERS);
            }
            CpuMeter cpu = new CpuMeter(app.getBean(JdbcClient.class)
                    .sql("show data_directory")
                    .query(String.class)
                    .single());
            double[] before = cpu.seconds();
            double seconds = launchAllToVoting(app, round);
            double[] after = cpu.seconds();
            out.printf("cycles.seconds: %.1f s%n", seconds);
            out.printf("cycles.launched: %d count%n", districts);
            int activities = TrivialCycles.activitiesIn(firstHistory(client, round));
            double[] beforeBaseline = cpu.seconds();
            double baseline = TrivialCycles.run(client, temporal, districts, activities);
            double baselineCpu = cpu.totalSince(beforeBaseline);
            out.printf("cycles.activities_per_cycle: %d count%n", activities);
            out.printf("cycles.baseline_seconds: %.1f s%n", baseline);
            out.printf("cycles.ratio: %.2f x%n", seconds / baseline);
            double jvm = after[0] - before[0];
            double postgres = after[1] - before[1];
            out.printf("cycles.cpu_seconds: %.1f s%n", jvm + postgres);
            out.printf("cycles.cpu_jvm_seconds: %.1f s%n", jvm);
            out.printf("cycles.cpu_postgres_seconds: %.1f s%n", postgres);
            out.printf("cycles.baseline_cpu_seconds: %.1f s%n", baselineCpu);
            out.printf("cycles.cpu_ratio: %.2f x%n", (jvm + postgres) / baselineCpu);
            double[] beforeShaped = cpu.seconds();
            double shaped = CycleShapedWorkflows.run(client, temporal, districts, DRIVERS);
            double shapedCpu = cpu.totalSince(beforeShaped);
            out.printf("cycles.shaped_baseline_seconds: %.1f s%n", shaped);
            out.printf("cycles.shaped_ratio: %.2f x%n", seconds / shaped);
            out.printf("cycles.shaped_baseline_cpu_seconds: %.1f s%n", shapedCpu);
            out.printf("cycles.shaped_cpu_ratio: %.2f x%n", (jvm + postgres) / shapedCpu);
            // each launched cycle's history as it stands in its voting round: its length, and where its time went
            CycleHistories histories = new CycleHistories();
            for (District d : PublicData.districts2026().subList(0, districts)) {
                histories.add(client.fetchHistory(CyclePlan.workflowId(d.id() + "-" + round))
                        .getEvents());
            }
            histories.print(out);
            long events = largeGroupHistory(app, round);
            out.printf("cycles.history_events: %d events%n", events);
            out.printf("cycles.group_members: %d count%n", members);
        }
    }

    private static List<HistoryEvent> firstHistory(WorkflowClient client, int round) {
        String first = PublicData.districts2026().get(0).id() + "-" + round;
        return client.fetchHistory(CyclePlan.workflowId(first)).getEvents();
    }

    /** Cancels the round's cycles, so each district can launch its next one. */
    private void cancelAll(ConfigurableApplicationContext app, int round) {
        CycleService cycles = app.getBean(CycleService.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        List<District> all = PublicData.districts2026().subList(0, districts);
        for (District d : all) {
            cycles.act(d.id() + "-" + round, w -> w.cancel(StaffAction.by("bench", "warm-up round over")));
        }
        for (District d : all) {
            awaitStatus(jdbc, d.id() + "-" + round, "CANCELLED");
        }
    }

    private double launchAllToVoting(ConfigurableApplicationContext app, int round) {
        CycleService cycles = app.getBean(CycleService.class);
        CandidacyRepository candidacies = app.getBean(CandidacyRepository.class);
        PledgeRepository pledge = app.getBean(PledgeRepository.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        List<District> all = PublicData.districts2026().subList(0, districts);
        CycleSettings settings = CycleSettings.defaults();
        // staff in many districts at once: most of a driver's time is waiting for its cycle, so 16 drivers
        // made the run as slow as one cycle's path times 27, whatever the worker could take; the baseline
        // starts all its workflows at once
        ExecutorService pool = Executors.newFixedThreadPool(DRIVERS);
        long start = System.nanoTime();
        try (TimelineWatcher timeline = new TimelineWatcher(jdbc, round)) {
            List<Future<String>> work = new ArrayList<>();
            for (District d : all) {
                work.add(pool.submit(() -> {
                    String id =
                            cycles.launch(d.id().toString(), settings, "bench").id();
                    // every cycle gets one nominee who signs and is approved, then staff close both windows
                    long candidacy = candidacies.nominate(id, "Nominee of " + d.id(), null, null);
                    Candidacy c = candidacies.find(id, candidacy).orElseThrow();
                    pledge.signCurrent(c.candidateId(), c.fullName(), "127.0.0.1", "bench");
                    candidacies.confirmEligibility(candidacy, "{\"checkedBy\":\"bench\"}");
                    await(timeline.stage(id, "PLEDGE_VETTING"), id);
                    cycles.act(
                            id,
                            w -> w.review(new VettingDecision(
                                    candidacy,
                                    VettingDecision.Verdict.APPROVE,
                                    null,
                                    "bench",
                                    org.primarypipeline.vetting.ReviewChecklist.COMPLETE)));
                    cycles.act(id, w -> w.closeWindow(StaffAction.by("bench")));
                    await(timeline.stage(id, "NOMINATION_WINDOW"), id);
                    cycles.act(id, w -> w.closeWindow(StaffAction.by("bench")));
                    return id;
                }));
            }
            for (Future<String> f : work) {
                await(timeline.frozen(f.get()), f.get());
            }
            return (System.nanoTime() - start) / 1e9;
        } catch (Exception e) {
            throw new IllegalStateException("bench cycles failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CompletableFuture<Void> entry, String cycleId) throws Exception {
        try {
            entry.get(10, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            throw new IllegalStateException(cycleId + " did not reach its next stage in 10 minutes", e);
        }
    }

    /** One cycle with a large group, run to its end; counts the events of its workflow history. */
    private long largeGroupHistory(ConfigurableApplicationContext app, int round) {
        CycleService cycles = app.getBean(CycleService.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        CandidacyRepository candidacies = app.getBean(CandidacyRepository.class);
        PledgeRepository pledge = app.getBean(PledgeRepository.class);
        String district = "AK-01";
        // the 435-cycle run left a cycle in every district: cancel this one to launch the large one
        cycles.act(district + "-" + round, w -> w.cancel(StaffAction.by("bench", "making room for the large group")));
        awaitStatus(jdbc, district + "-" + round, "CANCELLED");
        jdbc.sql("""
                insert into member (full_name, email, joined_via)
                select 'Member ' || g, 'member' || g || '@example.org', 'VOUCHED_LIST' from generate_series(1, ?) g
                """).param(members).update();
        jdbc.sql("""
                insert into group_membership (group_id, member_id, joined_at)
                select (select id from district_group where district_id = ?), id, now() - interval '30 days'
                from member where email like 'member%@example.org'
                """).param(district).update();
        String id = cycles.launch(district, CycleSettings.defaults(), "bench").id();
        long a = candidacies.nominate(id, "Ana Large", null, null);
        long b = candidacies.nominate(id, "Ben Large", null, null);
        for (long c : new long[] {a, b}) {
            Candidacy k = candidacies.find(id, c).orElseThrow();
            pledge.signCurrent(k.candidateId(), k.fullName(), "127.0.0.1", "bench");
            candidacies.confirmEligibility(c, "{\"checkedBy\":\"bench\"}");
        }
        awaitView(cycles, id, "PLEDGE_VETTING");
        cycles.act(
                id,
                w -> w.review(new VettingDecision(
                        a,
                        VettingDecision.Verdict.APPROVE,
                        null,
                        "bench",
                        org.primarypipeline.vetting.ReviewChecklist.COMPLETE)));
        cycles.act(
                id,
                w -> w.review(new VettingDecision(
                        b,
                        VettingDecision.Verdict.APPROVE,
                        null,
                        "bench",
                        org.primarypipeline.vetting.ReviewChecklist.COMPLETE)));
        cycles.act(id, w -> w.closeWindow(StaffAction.by("bench")));
        awaitView(cycles, id, "NOMINATION_WINDOW");
        cycles.act(id, w -> w.closeWindow(StaffAction.by("bench")));
        awaitView(cycles, id, "VOTING_ROUND");
        while (jdbc.sql("select count(*) from cycle_event where cycle_id = ? and kind = 'ELECTORATE_FROZEN'")
                        .param(id)
                        .query(Integer.class)
                        .single()
                == 0) {
            sleep(100);
        }
        // a quarter of the group votes, two thirds of them for Ben first: a clear result, so no automatic
        // recount runs. (A tie was recounted, and the recount finds these ballots, written straight into the
        // table without receipts, unsound: since certification waits for the recount and refuses after a
        // mismatch, the certifications below were refused and the run stopped here.)
        jdbc.sql("""
                insert into ballot (cycle_id, member_id, ranking)
                select ?, e.member_id, case when e.member_id % 12 = 0 then array[?, ?]::bigint[] else array[?, ?]::bigint[] end
                from electorate e where e.cycle_id = ? and e.member_id % 4 = 0
                """).params(id, a, b, b, a, id).update();
        cycles.act(id, w -> w.closeWindow(StaffAction.by("bench")));
        awaitView(cycles, id, "CERTIFICATION");
        cycles.act(id, w -> w.certify(StaffAction.by("alice")));
        cycles.act(id, w -> w.certify(StaffAction.by("bob")));
        awaitStatus(jdbc, id, "COMPLETED");
        WorkflowClient client = app.getBean(WorkflowClient.class);
        List<HistoryEvent> events =
                client.fetchHistory(CyclePlan.workflowId(id)).getEvents();
        return events.size();
    }

    /**
     * As before the 435-cycle run waited on the timeline: the large cycle asks its workflow. Its certification
     * is sent as soon as the workflow is in certification, as it always was; waiting for the timeline would
     * wait for the automatic recount of its tied count, which finds this bench's ballots (written straight
     * into the table, without receipts) unsound and refuses the certification.
     */
    private static void awaitView(CycleService cycles, String id, String stage) {
        Instant until = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(until)) {
            var view = cycles.view(id);
            if (view.isPresent() && view.get().stage().name().equals(stage)) {
                return;
            }
            sleep(20);
        }
        throw new IllegalStateException(id + " did not reach " + stage);
    }

    private static void awaitStatus(JdbcClient jdbc, String id, String status) {
        Instant until = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(until)) {
            if (status.equals(jdbc.sql("select status from cycle where id = ?")
                    .param(id)
                    .query(String.class)
                    .single())) {
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException(id + " did not become " + status);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
