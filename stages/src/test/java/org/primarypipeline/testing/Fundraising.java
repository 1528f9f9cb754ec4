package org.primarypipeline.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.fundraising.Committees;
import org.primarypipeline.fundraising.Conduit;
import org.primarypipeline.fundraising.ContributionForm;
import org.primarypipeline.fundraising.DonationCheckout;
import org.primarypipeline.fundraising.DonationLedger;
import org.primarypipeline.fundraising.DonorGifts;
import org.primarypipeline.fundraising.Donors;
import org.primarypipeline.fundraising.ExcessDecisions;
import org.primarypipeline.fundraising.FundraiserActivitiesImpl;
import org.primarypipeline.fundraising.FundraisingSettings;
import org.primarypipeline.fundraising.StripeGateway;
import org.primarypipeline.fundraising.StripeWebhooks;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The fundraising components wired by hand over an {@link ActivitiesContext}, with Stripe pointed at
 * a {@link StripeStub} and one fixed clock: what the app wires, with the outside world made local.
 */
public final class Fundraising {

    public final ActivitiesContext context;
    public final Clock clock;
    public final FundraisingSettings settings;
    public final StripeGateway stripe;
    public final FundraiserActivitiesImpl activities;
    public final DonationLedger ledger;
    public final DonationCheckout checkout;
    public final StripeWebhooks webhooks;
    public final ExcessDecisions excess;
    public final Donors donors;
    public final Committees committees;
    public final Conduit conduit;
    public final DonorGifts gifts;

    public Fundraising(ActivitiesContext context, StripeStub stub, Clock clock) {
        this.context = context;
        this.clock = clock;
        this.settings = FundraisingSettings.unconfigured()
                .withStripe(StripeStub.SECRET_KEY, StripeStub.WEBHOOK_SECRET, stub == null ? null : stub.apiBase());
        this.stripe = new StripeGateway(stub == null ? FundraisingSettings.unconfigured() : settings);
        PlatformTransactionManager tm = context.bean(PlatformTransactionManager.class);
        JdbcClient jdbc = context.jdbc();
        Outbox outbox = context.bean(Outbox.class);
        this.activities =
                new FundraiserActivitiesImpl(jdbc, context.bean(CycleRepository.class), outbox, stripe, tm, clock);
        this.ledger = new DonationLedger(jdbc, outbox, settings, clock);
        this.donors = context.bean(Donors.class);
        this.checkout = new DonationCheckout(jdbc, donors, stripe, ledger, tm);
        this.webhooks = new StripeWebhooks(jdbc, ledger, settings, tm, clock);
        this.excess = new ExcessDecisions(jdbc, stripe, ledger, clock);
        this.committees = new Committees(jdbc, clock);
        this.conduit = new Conduit(jdbc, committees, stripe, outbox, clock, "finance@example.org");
        this.gifts = new DonorGifts(jdbc, stripe, outbox, settings, clock);
    }

    private static ActivitiesContext shared;

    /**
     * One context for all fundraising test classes in a JVM: starting one costs most of a test class's
     * time. Classes keep apart by using different districts and donors.
     */
    public static synchronized ActivitiesContext sharedContext() {
        if (shared == null) {
            shared = ActivitiesContext.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** A cycle in the district with one candidacy, as certification leaves it; returns {cycleId, candidacyId}. */
    public Object[] certifiedCycle(String district, String candidateName, String candidateEmail, int members) {
        String cycleId = context.bean(CycleRepository.class)
                .create("cd2026", district, CycleSettings.defaults(), "alice", clock.instant())
                .id();
        long candidacy = context.bean(CandidacyRepository.class).nominate(cycleId, candidateName, candidateEmail, null);
        for (int i = 1; i <= members; i++) {
            context.bean(MemberRepository.class)
                    .join(
                            district,
                            "Member " + i + " of " + district,
                            "m" + i + "." + district.toLowerCase() + "@example.org",
                            null);
        }
        return new Object[] {cycleId, candidacy};
    }

    /** A form a donor filled in correctly, for this amount. */
    public static ContributionForm form(
            long fundraiserId, long cents, String name, String line1, String zip, String employer, String occupation) {
        return new ContributionForm(
                fundraiserId,
                cents,
                false,
                "PRIMARY",
                name,
                name.toLowerCase().replaceAll("[^a-z]", "") + "@example.org",
                line1,
                null,
                "Austin",
                "TX",
                zip,
                employer,
                occupation,
                true,
                true,
                true,
                true,
                "127.0.0.1",
                "test");
    }

    /** Sends a correctly signed event, as Stripe would, now. */
    public StripeWebhooks.Outcome deliver(String eventId, String type, Instant created, String objectJson) {
        String payload = StripeStub.event(eventId, type, created, objectJson);
        return webhooks.receive(payload, StripeStub.sign(payload, StripeStub.WEBHOOK_SECRET, clock.instant()));
    }
}
