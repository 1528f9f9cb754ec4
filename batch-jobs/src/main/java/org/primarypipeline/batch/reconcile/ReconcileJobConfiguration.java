package org.primarypipeline.batch.reconcile;

import com.stripe.model.BalanceTransaction;
import com.stripe.model.Payout;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.PayoutListParams;
import com.stripe.param.TransferListParams;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.primarypipeline.fundraising.StripeGateway;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemWriter;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code reconcile} job for finance volunteers: pulls Stripe's balance transactions and payouts
 * created since the last run (auto-paging; a failed run restarts after the last item it stored),
 * links each payout to its transactions, then classifies everything against the ledger
 * ({@link Reconciler}) and moves the cursor. Parameters: {@code run} (anything unique; identifies the
 * instance, so a failed run is restarted with the same value) and optionally {@code since} (epoch
 * seconds) to pull from an earlier date than the cursor.
 */
@Configuration(proxyBeanMethods = false)
public class ReconcileJobConfiguration {

    public static final String JOB = "reconcile";
    public static final String RUN = "run";
    public static final String SINCE = "since";
    /** Pulls overlap the previous run by this much: upserts make it harmless, and late-listed objects are not missed. */
    static final Duration OVERLAP = Duration.ofDays(3);

    private static final String CURSOR = "balance";

    @Bean
    Job reconcileJob(
            JobRepository jobs,
            PlatformTransactionManager transactions,
            StripeListReader<BalanceTransaction> reconcileBalanceReader,
            StripeListReader<Payout> reconcilePayoutReader,
            StripeListReader<Transfer> reconcileTransferReader,
            JdbcClient jdbc,
            DataSource dataSource,
            StripeGateway stripe,
            Reconciler reconciler,
            ObjectProvider<Clock> clocks,
            @Value("${pp.reconcile.chunk:100}") int chunkSize) {
        Clock clock = clocks.getIfAvailable(Clock::systemUTC);
        JdbcTemplate template = new JdbcTemplate(dataSource);
        Step balance = new StepBuilder("reconcile-pull-balance-transactions", jobs)
                .<BalanceTransaction, BalanceTransaction>chunk(chunkSize, transactions)
                .reader(reconcileBalanceReader)
                .writer(items ->
                        StripeRows.upsertBalanceTransactions(template, items.getItems(), null, clock.instant()))
                .build();
        ItemWriter<Payout> payoutWriter = items -> {
            for (Payout p : items) {
                upsertPayout(jdbc, p, null, clock.instant());
                // the transactions a payout paid out, wherever their dates fall
                var page = stripe.client()
                        .orElseThrow()
                        .v1()
                        .balanceTransactions()
                        .list(BalanceTransactionListParams.builder()
                                .setPayout(p.getId())
                                .setLimit(100L)
                                .addExpand("data.source")
                                .build());
                java.util.List<BalanceTransaction> batch = new java.util.ArrayList<>();
                for (BalanceTransaction bt : page.autoPagingIterable()) {
                    batch.add(bt);
                }
                StripeRows.upsertBalanceTransactions(template, batch, p.getId(), clock.instant());
            }
        };
        Step payouts = new StepBuilder("reconcile-pull-payouts", jobs)
                .<Payout, Payout>chunk(10, transactions)
                .reader(reconcilePayoutReader)
                .writer(payoutWriter)
                .build();
        Step transfers = new StepBuilder("reconcile-pull-transfers", jobs)
                .<Transfer, Transfer>chunk(chunkSize, transactions)
                .reader(reconcileTransferReader)
                .writer(items -> StripeRows.upsertTransfers(template, items.getItems(), clock.instant()))
                .build();
        // the committees' own payouts, read on their connected accounts (Stripe-Account header)
        Step connectedPayouts = new StepBuilder("reconcile-pull-connected-payouts", jobs)
                .tasklet(
                        (contribution, chunk) -> {
                            if (stripe.client().isEmpty()) {
                                return RepeatStatus.FINISHED;
                            }
                            long from = cursor(jdbc);
                            for (String account : jdbc.sql(
                                            "select committee_account_id from fundraiser where committee_account_id is not null")
                                    .query(String.class)
                                    .list()) {
                                var page = stripe.client()
                                        .get()
                                        .v1()
                                        .payouts()
                                        .list(
                                                PayoutListParams.builder()
                                                        .setLimit(100L)
                                                        .setCreated(PayoutListParams.Created.builder()
                                                                .setGte(from)
                                                                .build())
                                                        .build(),
                                                RequestOptions.builder()
                                                        .setStripeAccount(account)
                                                        .build());
                                for (Payout p : page.autoPagingIterable()) {
                                    upsertPayout(jdbc, p, account, clock.instant());
                                }
                            }
                            return RepeatStatus.FINISHED;
                        },
                        transactions)
                .allowStartIfComplete(true)
                .build();
        Step match = new StepBuilder("reconcile-match", jobs)
                .tasklet(
                        (contribution, chunk) -> {
                            long jobExecution =
                                    chunk.getStepContext().getStepExecution().getJobExecutionId();
                            Instant started = clock.instant();
                            long run = jdbc.sql(
                                            "insert into reconciliation_run (job_execution_id, started_at) values (?, ?) returning id")
                                    .params(jobExecution, Timestamp.from(started))
                                    .query(Long.class)
                                    .single();
                            Map<String, Long> counts = reconciler.run(run, started);
                            contribution
                                    .getStepExecution()
                                    .getExecutionContext()
                                    .putLong("reconciliationRun", run);
                            contribution
                                    .getStepExecution()
                                    .setExitStatus(contribution
                                            .getStepExecution()
                                            .getExitStatus()
                                            .addExitDescription("run " + run + ": " + counts));
                            if (stripe.configured()) {
                                jdbc.sql("""
                                insert into stripe_sync_cursor (name, created_gte) values (?, ?)
                                on conflict (name) do update set created_gte = excluded.created_gte
                                """)
                                        .params(CURSOR, Timestamp.from(started.minus(OVERLAP)))
                                        .update();
                            }
                            return RepeatStatus.FINISHED;
                        },
                        transactions)
                .allowStartIfComplete(true)
                .build();
        return new JobBuilder(JOB, jobs)
                .start(balance)
                .next(payouts)
                .next(transfers)
                .next(connectedPayouts)
                .next(match)
                .build();
    }

    @Bean
    @StepScope
    StripeListReader<BalanceTransaction> reconcileBalanceReader(
            StripeGateway stripe, JdbcClient jdbc, @Value("#{jobParameters['since']}") Long since) {
        long from = since != null ? since : cursor(jdbc);
        return new StripeListReader<>("balance", startingAfter -> {
            if (stripe.client().isEmpty()) {
                return null;
            }
            BalanceTransactionListParams.Builder params = BalanceTransactionListParams.builder()
                    .setLimit(100L)
                    .setCreated(BalanceTransactionListParams.Created.builder()
                            .setGte(from)
                            .build())
                    .addExpand("data.source");
            if (startingAfter != null) {
                params.setStartingAfter(startingAfter);
            }
            return stripe.client().get().v1().balanceTransactions().list(params.build());
        });
    }

    @Bean
    @StepScope
    StripeListReader<Payout> reconcilePayoutReader(
            StripeGateway stripe, JdbcClient jdbc, @Value("#{jobParameters['since']}") Long since) {
        long from = since != null ? since : cursor(jdbc);
        return new StripeListReader<>("payouts", startingAfter -> {
            if (stripe.client().isEmpty()) {
                return null;
            }
            PayoutListParams.Builder params = PayoutListParams.builder()
                    .setLimit(100L)
                    .setCreated(PayoutListParams.Created.builder().setGte(from).build());
            if (startingAfter != null) {
                params.setStartingAfter(startingAfter);
            }
            return stripe.client().get().v1().payouts().list(params.build());
        });
    }

    @Bean
    @StepScope
    StripeListReader<Transfer> reconcileTransferReader(
            StripeGateway stripe, JdbcClient jdbc, @Value("#{jobParameters['since']}") Long since) {
        long from = since != null ? since : cursor(jdbc);
        return new StripeListReader<>("transfers", startingAfter -> {
            if (stripe.client().isEmpty()) {
                return null;
            }
            TransferListParams.Builder params = TransferListParams.builder()
                    .setLimit(100L)
                    .setCreated(
                            TransferListParams.Created.builder().setGte(from).build());
            if (startingAfter != null) {
                params.setStartingAfter(startingAfter);
            }
            return stripe.client().get().v1().transfers().list(params.build());
        });
    }

    private static void upsertPayout(JdbcClient jdbc, Payout p, String account, Instant now) {
        jdbc.sql("""
                insert into stripe_payout (id, amount_cents, status, arrival_date, created, pulled_at, account_id)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set amount_cents = excluded.amount_cents, status = excluded.status,
                    arrival_date = excluded.arrival_date, pulled_at = excluded.pulled_at,
                    account_id = coalesce(excluded.account_id, stripe_payout.account_id)
                """)
                .params(
                        p.getId(),
                        p.getAmount(),
                        p.getStatus(),
                        p.getArrivalDate() == null ? null : Timestamp.from(Instant.ofEpochSecond(p.getArrivalDate())),
                        Timestamp.from(Instant.ofEpochSecond(p.getCreated())),
                        Timestamp.from(now),
                        account)
                .update();
    }

    private static long cursor(JdbcClient jdbc) {
        return jdbc.sql("select created_gte from stripe_sync_cursor where name = ?")
                .param(CURSOR)
                .query(Timestamp.class)
                .optional()
                .map(t -> t.toInstant().getEpochSecond())
                .orElse(0L);
    }
}
