package org.primarypipeline.fundraising;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.money.Money;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fundraiser launch and its compensation. Each step is idempotent on its own: the row is inserted
 * once per cycle, Stripe objects are created under idempotency keys and their ids recorded before
 * the next step, and timeline events and announcements carry deduplication keys. So a launch that
 * fails part-way (Stripe down) is simply run again by Temporal and picks up where it stopped.
 * Stripe calls happen outside database transactions: a slow Stripe must not hold a connection.
 */
@Component
public class FundraiserActivitiesImpl implements FundraiserActivities {

    private final JdbcClient jdbc;
    private final CycleRepository cycles;
    private final Outbox outbox;
    private final StripeGateway stripe;
    private final TransactionTemplate tx;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public FundraiserActivitiesImpl(
            JdbcClient jdbc,
            CycleRepository cycles,
            Outbox outbox,
            StripeGateway stripe,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock) {
        this(jdbc, cycles, outbox, stripe, transactions, clock.getIfAvailable(Clock::systemUTC));
    }

    public FundraiserActivitiesImpl(
            JdbcClient jdbc,
            CycleRepository cycles,
            Outbox outbox,
            StripeGateway stripe,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.outbox = outbox;
        this.stripe = stripe;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    private ConduitClock conduitClock;

    /** The conduit clock is started at launch where Temporal is at hand (the app); stage tests wire none. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    public void setConduitClock(ConduitClock conduitClock) {
        this.conduitClock = conduitClock;
    }

    @Override
    public long launch(String cycleId, long candidacyId) {
        CycleRecord cycle = cycles.find(cycleId).orElseThrow(() -> new IllegalArgumentException("no cycle " + cycleId));
        Candidate candidate = candidate(candidacyId);
        long id = tx.execute(s -> insertOnce(cycle, candidacyId, candidate));
        Launched row = launched(id);
        if (stripe.configured()) {
            if (row.productId() == null) {
                String product = stripe.createProduct(id, cycleId, row.title(), row.description());
                jdbc.sql("update fundraiser set stripe_product_id = ? where id = ? and stripe_product_id is null")
                        .params(product, id)
                        .update();
            }
            jdbc.sql("update fundraiser set payments = 'ON' where id = ?")
                    .param(id)
                    .update();
        }
        tx.executeWithoutResult(s -> announce(cycle, id, candidate));
        if (conduitClock != null) {
            conduitClock.ensureRunning(id);
        }
        return id;
    }

    @Override
    public void deactivate(String cycleId, String reason) {
        var found = jdbc.sql("select id, stripe_product_id, stripe_deactivated from fundraiser where cycle_id = ?")
                .param(cycleId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3)})
                .optional();
        if (found.isEmpty()) {
            return;
        }
        long id = (Long) found.get()[0];
        String product = (String) found.get()[1];
        boolean stripeDone = (Boolean) found.get()[2];
        // Stripe first: if it is down, the activity fails and retries with the database still saying LAUNCHED
        if (product != null && !stripeDone) {
            if (!stripe.configured()) {
                cycles.record(
                        cycleId,
                        CycleStage.FUNDRAISER_LAUNCH,
                        "FUNDRAISER_STRIPE_LEFT_ACTIVE",
                        "Stripe product " + product
                                + " could not be archived: Stripe is no longer configured; archive it in the Stripe dashboard",
                        "system",
                        "fundraiser-stripe-left-active");
            } else {
                stripe.deactivateProduct(id, product);
                jdbc.sql("update fundraiser set stripe_deactivated = true where id = ?")
                        .param(id)
                        .update();
            }
        }
        tx.executeWithoutResult(s -> {
            int changed = jdbc.sql("""
                    update fundraiser set status = 'DEACTIVATED', deactivated_at = ?, deactivation_reason = ?
                    where id = ? and status = 'LAUNCHED'
                    """)
                    .params(java.sql.Timestamp.from(clock.instant()), reason, id)
                    .update();
            if (changed > 0) {
                cycles.record(
                        cycleId,
                        CycleStage.FUNDRAISER_LAUNCH,
                        "FUNDRAISER_DEACTIVATED",
                        "fundraiser #" + id + " deactivated"
                                + (product == null ? "" : ", Stripe product " + product + " archived")
                                + (reason == null || reason.isBlank() ? "" : ": " + reason),
                        "system",
                        "fundraiser-deactivated");
            }
        });
    }

    private long insertOnce(CycleRecord cycle, long candidacyId, Candidate candidate) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String title = "Elect " + candidate.name() + " (" + cycle.districtId() + ")";
        String description = candidate.name() + " was chosen by the " + cycle.districtId() + " district group in cycle "
                + cycle.id() + ". Every dollar goes to the campaign.";
        jdbc.sql("""
                insert into fundraiser (cycle_id, candidacy_id, status, goal_cents, title, description, starts_on, ends_on,
                                        candidate_fec_id, created_at)
                values (:cycle, :candidacy, 'LAUNCHED', :goal, :title, :description, :starts, :ends, :fec, :now)
                on conflict (cycle_id) do nothing
                """)
                .param("cycle", cycle.id())
                .param("candidacy", candidacyId)
                .param("goal", cycle.settings().fundraiserGoalCents())
                .param("title", title)
                .param("description", description)
                .param("starts", today)
                .param("ends", generalElectionOnOrAfter(today))
                .param("fec", candidate.fecId())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("select id from fundraiser where cycle_id = ?")
                .param(cycle.id())
                .query(Long.class)
                .single();
    }

    private void announce(CycleRecord cycle, long id, Candidate candidate) {
        Launched row = launched(id);
        String url = stripe.settings().fundraiserUrl(id);
        cycles.record(
                cycle.id(),
                CycleStage.FUNDRAISER_LAUNCH,
                "FUNDRAISER_LAUNCHED",
                "fundraiser #" + id + " launched, goal " + Money.dollars(row.goalCents()) + ", " + url,
                "system",
                "fundraiser-launched");
        if (row.payments().equals("ON")) {
            cycles.record(
                    cycle.id(),
                    CycleStage.FUNDRAISER_LAUNCH,
                    "PAYMENTS_ON",
                    "donations go through Stripe (product " + row.productId() + ")",
                    "system",
                    "fundraiser-payments");
        } else {
            cycles.record(
                    cycle.id(),
                    CycleStage.FUNDRAISER_LAUNCH,
                    "PAYMENTS_OFF",
                    "payments are off until Stripe is configured (pp.stripe.secret-key); the page is up and takes no money",
                    "system",
                    "fundraiser-payments");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("candidateName", candidate.name());
        model.put("districtId", cycle.districtId());
        model.put("fundraiserUrl", url);
        model.put("goal", Money.dollars(row.goalCents()));
        model.put("paymentsOn", row.payments().equals("ON"));
        List<OutboundMessage> messages = new ArrayList<>();
        jdbc.sql("""
                select m.id, m.full_name, m.email from member m
                join group_membership gm on gm.member_id = m.id and gm.left_at is null
                join district_group g on g.id = gm.group_id
                where g.plan_id = ? and g.district_id = ? and m.email is not null
                order by m.id
                """)
                .params(cycle.planId(), cycle.districtId())
                .query((rs, n) -> {
                    Map<String, Object> m = new HashMap<>(model);
                    m.put("recipientName", rs.getString(2));
                    m.put("forCandidate", false);
                    return OutboundMessage.email(
                                    "fundraiser:" + id + ":live:member:" + rs.getLong(1),
                                    rs.getString(3),
                                    "fundraiser-live",
                                    m)
                            .inState(cycle.districtId());
                })
                .list()
                .forEach(messages::add);
        if (candidate.email() != null) {
            Map<String, Object> m = new HashMap<>(model);
            m.put("recipientName", candidate.name());
            m.put("forCandidate", true);
            messages.add(OutboundMessage.email(
                            "fundraiser:" + id + ":live:candidate:" + candidate.id(),
                            candidate.email(),
                            "fundraiser-live",
                            m)
                    .asTransactional()
                    .inState(cycle.districtId()));
        }
        outbox.enqueueAll(messages);
        cycles.record(
                cycle.id(),
                CycleStage.FUNDRAISER_LAUNCH,
                "FUNDRAISER_ANNOUNCED",
                "announcement queued for " + messages.size() + " recipient(s)",
                "system",
                "fundraiser-announced");
    }

    private Candidate candidate(long candidacyId) {
        return jdbc.sql("""
                select c.id, c.full_name, c.email, coalesce(c.fec_id, h.fec_ids[1]) as fec_id
                from candidacy k join candidate c on c.id = k.candidate_id
                left join house_member h on h.bioguide_id = c.bioguide_id
                where k.id = ?
                """)
                .param(candidacyId)
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no candidacy " + candidacyId));
    }

    private Launched launched(long id) {
        return jdbc.sql(
                        "select title, description, goal_cents, payments, stripe_product_id from fundraiser where id = ?")
                .param(id)
                .query((rs, n) ->
                        new Launched(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                .single();
    }

    /** The federal general election: the Tuesday after the first Monday of November of an even year. */
    static LocalDate generalElectionOnOrAfter(LocalDate day) {
        int year = day.getYear() % 2 == 0 ? day.getYear() : day.getYear() + 1;
        LocalDate election = LocalDate.of(year, 11, 1)
                .with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY))
                .plusDays(1);
        return election.isBefore(day) ? generalElectionOnOrAfter(LocalDate.of(year + 1, 1, 1)) : election;
    }

    private record Candidate(long id, String name, String email, String fecId) {}

    private record Launched(String title, String description, long goalCents, String payments, String productId) {}
}
