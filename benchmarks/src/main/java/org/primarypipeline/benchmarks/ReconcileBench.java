package org.primarypipeline.benchmarks;

import java.io.PrintStream;
import java.util.Map;
import org.primarypipeline.batch.reconcile.ReconcileJobConfiguration;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.districts.PublicDataLoader;
import org.primarypipeline.platform.StageBeans;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp bench reconcile}: generates a ledger of donations and as many Stripe balance transactions
 * (most matching, with amount and fee mismatches, refunds, charges missing on either side and payouts,
 * a few of which do not add up) and a transfer to the committee per donation (some missing, late or
 * short) in a fresh PostgreSQL, then times the {@code reconcile} job's run over
 * them. Stripe is not configured, so the pull steps read nothing and the figure is the matching.
 */
@Command(
        name = "reconcile",
        description = "Reconcile 1,000,000 donations against 1,000,000 balance transactions and 1,000,000 transfers.")
public class ReconcileBench implements Runnable {

    @Option(
            names = "--donations",
            defaultValue = "1000000",
            description = "Donations, balance transactions and transfers (default ${DEFAULT-VALUE}).")
    int donations;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReconcileBench()).execute(args));
    }

    @Override
    public void run() {
        PrintStream out = System.out;
        // the console's readiness group names a bean only the serving app has (a default property would lose to
        // the console's application.properties)
        System.setProperty("management.endpoint.health.group.readiness.include", "readinessState");
        try (BenchContext bench = BenchContext.start(
                BenchApplication.class,
                Map.of(
                        "spring.batch.job.enabled",
                        "false",
                        "spring.batch.jdbc.initialize-schema",
                        "never",
                        "pp.stripe.secret-key",
                        ""))) {
            ConfigurableApplicationContext app = bench.app();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long start = System.nanoTime();
            generate(app, jdbc);
            out.printf("reconcile.generate_seconds: %.1f s%n", (System.nanoTime() - start) / 1e9);

            JobLauncher launcher = app.getBean(JobLauncher.class);
            Job job = app.getBean("reconcileJob", Job.class);
            start = System.nanoTime();
            JobExecution execution = launcher.run(
                    job,
                    new JobParametersBuilder()
                            .addString(ReconcileJobConfiguration.RUN, "bench-" + System.nanoTime())
                            .toJobParameters());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException(
                        "reconcile ended " + execution.getStatus() + ": " + execution.getAllFailureExceptions());
            }
            long run = jdbc.sql("select max(id) from reconciliation_run")
                    .query(Long.class)
                    .single();
            String summary = jdbc.sql("select summary::text from reconciliation_run where id = ?")
                    .param(run)
                    .query(String.class)
                    .single();
            out.printf("reconcile.seconds: %.1f s%n", seconds);
            out.printf("reconcile.donations: %d count%n", donations);
            out.printf(
                    "reconcile.balance_transactions: %d count%n",
                    jdbc.sql("select count(*) from stripe_balance_transaction")
                            .query(Long.class)
                            .single());
            out.printf(
                    "reconcile.transfers: %d count%n",
                    jdbc.sql("select count(*) from stripe_transfer")
                            .query(Long.class)
                            .single());
            out.printf(
                    "reconcile.exceptions: %d count%n",
                    jdbc.sql("select count(*) from reconciliation_item where run_id = ? and not ok")
                            .param(run)
                            .query(Long.class)
                            .single());
            out.println("reconcile.summary: " + summary);
        } catch (Exception e) {
            throw new IllegalStateException("bench reconcile failed", e);
        }
    }

    /**
     * One fundraiser; donors and donations; a charge transaction for 99% of donations (one in a
     * thousand with a different amount, one in 997 with a fee over the rate, one in 1,009 for a charge
     * the ledger lacks), a refund for 1% (a few disagreeing), payouts of 990 transactions, one in a
     * hundred off by a dollar.
     */
    private void generate(ConfigurableApplicationContext app, JdbcClient jdbc) {
        app.getBean(PublicDataLoader.class).load();
        String cycle = app.getBean(CycleRepository.class)
                .create(
                        "cd2026",
                        "TX-35",
                        CycleSettings.defaults(),
                        "bench",
                        java.time.Instant.parse("2026-03-01T00:00:00Z"))
                .id();
        long candidacy = app.getBean(CandidacyRepository.class).nominate(cycle, "Bench Candidate", null, null);
        long fundraiser =
                jdbc.sql("""
                insert into fundraiser (cycle_id, candidacy_id, status, goal_cents, title, payments, starts_on, ends_on)
                values (?, ?, 'LAUNCHED', 5000000000, 'Bench', 'ON', date '2026-03-01', date '2026-11-03') returning id
                """).params(cycle, candidacy).query(Long.class).single();
        int donors = Math.max(1, donations / 5);
        jdbc.sql("""
                insert into donor (identity_key, full_name, address_line1, city, state, zip, employer, occupation)
                select 'donor ' || g || '|' || g || ' main st|78701', 'Donor ' || g, g || ' Main St', 'Austin', 'TX', '78701',
                       'Employer', 'Occupation'
                from generate_series(1, ?) g
                """).param(donors).update();
        long firstDonor =
                jdbc.sql("select min(id) from donor").query(Long.class).single();
        int charged = donations - donations / 100;
        int refunded = donations / 100;
        jdbc.sql("""
                insert into donation (fundraiser_id, amount_cents, donor_name, external_id, donor_id, election, election_year,
                                      status, payment_intent_id, charge_id, refunded_cents, paid_at, created_at)
                select :f, 500 + (g % 200) * 100, 'Donor', 'pi_' || g, :firstDonor + g % :donors, 'PRIMARY', 2026, 'SUCCEEDED',
                       'pi_' || g, 'ch_' || g, case when g <= :refunded then 100 else 0 end,
                       timestamptz '2026-03-01' + g * interval '10 seconds', timestamptz '2026-03-01' + g * interval '10 seconds'
                from generate_series(1, :n) g
                """)
                .param("f", fundraiser)
                .param("firstDonor", firstDonor)
                .param("donors", donors)
                .param("refunded", refunded)
                .param("n", donations)
                .update();
        jdbc.sql("""
                insert into stripe_balance_transaction (id, type, reporting_category, source_id, charge_id, amount_cents,
                    fee_cents, net_cents, created, payout_id, pulled_at)
                select 'txn_' || g, 'charge', 'charge', src, src, amount, fee, amount - fee,
                       timestamptz '2026-03-01' + g * interval '10 seconds', 'po_' || (g / 990), now()
                from (select g,
                             case when g % 1009 = 0 then 'ch_only_in_stripe_' || g else 'ch_' || g end as src,
                             500 + (g % 200) * 100 + case when g % 1000 = 0 then 100 else 0 end as amount,
                             ((500 + (g % 200) * 100) * 290 + 5000) / 10000 + 30 + case when g % 997 = 0 then 50 else 0 end as fee
                      from generate_series(1, :charged) g) t
                """).param("charged", charged).update();
        jdbc.sql("""
                insert into stripe_balance_transaction (id, type, reporting_category, source_id, charge_id, amount_cents,
                    fee_cents, net_cents, created, pulled_at)
                select 'txn_re_' || g, 'refund', 'refund', 're_' || g, 'ch_' || g, case when g % 500 = 0 then -200 else -100 end, 0,
                       case when g % 500 = 0 then -200 else -100 end, timestamptz '2026-06-01' + g * interval '1 second', now()
                from generate_series(1, :refunded) g
                """).param("refunded", refunded).update();
        jdbc.sql("""
                insert into stripe_payout (id, amount_cents, status, created, pulled_at)
                select payout_id, sum(net_cents) + case when payout_id like '%00' then 100 else 0 end, 'paid', max(created), now()
                from stripe_balance_transaction where payout_id is not null group by payout_id
                """).update();
        // the conduit: every gift earmarked, 10 days to forward; a transfer per gift (one in 1,013 missing
        // in Stripe, one in 1,019 sent after its deadline, one in 1,021 short by a dollar; refunds reversed)
        jdbc.sql("""
                insert into earmark_forward (donation_id, fundraiser_id, received_at, due_by, account_id, transfer_id,
                                             transfer_cents, forwarded_at, reversed_cents)
                select id, fundraiser_id, paid_at, paid_at + interval '10 days', 'acct_bench', 'tr_' || substr(charge_id, 4),
                       amount_cents, paid_at + interval '1 day', refunded_cents
                from donation where fundraiser_id = ?
                """).param(fundraiser).update();
        jdbc.sql("""
                insert into stripe_transfer (id, destination, amount_cents, reversed_cents, donation_id, source_charge, created,
                                             pulled_at)
                select 'tr_' || substr(d.charge_id, 4), 'acct_bench',
                       d.amount_cents - case when d.id % 1021 = 0 then 100 else 0 end, d.refunded_cents, d.id, d.charge_id,
                       d.paid_at + case when d.id % 1019 = 0 then interval '12 days' else interval '1 day' end, now()
                from donation d where d.fundraiser_id = ? and d.id % 1013 <> 0
                """).param(fundraiser).update();
        jdbc.sql("analyze").update();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(StageBeans.class)
    @ComponentScan("org.primarypipeline.batch.reconcile")
    static class BenchApplication {}
}
