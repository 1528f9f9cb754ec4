package org.primarypipeline.fundraising;

import java.util.List;
import java.util.Optional;
import org.primarypipeline.core.money.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * From a filled-in donation form to Stripe Checkout: the donor and their attestations are recorded
 * first (so a payment can always be traced to what the donor declared), then a Checkout Session for
 * exactly that amount is created under a key derived from the form's row.
 */
@Component
public class DonationCheckout {

    private final JdbcClient jdbc;
    private final Donors donors;
    private final StripeGateway stripe;
    private final TransactionTemplate tx;
    private final DonationLedger ledger;

    @Autowired
    public DonationCheckout(
            JdbcClient jdbc,
            Donors donors,
            StripeGateway stripe,
            DonationLedger ledger,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.donors = donors;
        this.stripe = stripe;
        this.ledger = ledger;
        this.tx = new TransactionTemplate(transactions);
    }

    public sealed interface Outcome permits Refused, ToPayment {}

    /** The form cannot go to payment; nothing was stored. */
    public record Refused(List<String> problems) implements Outcome {}

    /** Send the donor to Stripe's page. */
    public record ToPayment(long intentId, String checkoutUrl) implements Outcome {}

    public Outcome start(ContributionForm form) {
        List<String> problems =
                new java.util.ArrayList<>(form.problems(stripe.settings().limitPerElectionCents()));
        var fundraiser = jdbc.sql("select status, payments, stripe_product_id, ends_on from fundraiser where id = ?")
                .param(form.fundraiserId())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4)})
                .optional();
        if (fundraiser.isEmpty() || !"LAUNCHED".equals(fundraiser.get()[0])) {
            return new Refused(List.of("this fundraiser is not taking donations"));
        }
        if (!"ON".equals(fundraiser.get()[1])
                || !stripe.configured()
                || fundraiser.get()[2] == null) {
            return new Refused(List.of("payments are off until Stripe is configured"));
        }
        if (!problems.isEmpty()) {
            return new Refused(problems);
        }
        int electionYear = ((java.sql.Date) fundraiser.get()[3]).toLocalDate().getYear();
        // a known donor who would pass the limit is told now, rather than charged and refunded later
        Optional<Long> known = jdbc.sql("select coalesce(merged_into, id) from donor where identity_key = ?")
                .param(DonorIdentity.key(form.fullName(), form.addressLine1(), form.zip()))
                .query(Long.class)
                .optional();
        if (known.isPresent()) {
            long limit = stripe.settings().limitPerElectionCents();
            long given = ledger.aggregate(known.get(), form.electionOrDefault(), electionYear);
            if (given + form.amountCents() > limit) {
                return new Refused(List.of("with this gift you would pass the limit of " + Money.dollars(limit)
                        + " for the "
                        + form.electionOrDefault().toLowerCase(java.util.Locale.ROOT) + " election: you have given "
                        + Money.dollars(given) + ", so at most " + Money.dollars(Math.max(0, limit - given))
                        + " more"));
            }
        }
        long intentId = tx.execute(s -> {
            long donor = donors.upsert(form);
            return jdbc.sql("""
                    insert into contribution_intent (fundraiser_id, donor_id, amount_cents, recurring, election, election_year,
                        attest_own_funds, attest_citizen, attest_not_contractor, attest_personal_card, ip, user_agent)
                    values (?, ?, ?, ?, ?, ?, true, true, true, true, ?, ?) returning id
                    """)
                    .params(
                            form.fundraiserId(),
                            donor,
                            form.amountCents(),
                            form.monthly(),
                            form.electionOrDefault(),
                            electionYear,
                            form.ip(),
                            form.userAgent())
                    .query(Long.class)
                    .single();
        });
        String page = stripe.settings().fundraiserUrl(form.fundraiserId());
        StripeGateway.CheckoutSession session = stripe.createCheckout(
                intentId,
                (String) fundraiser.get()[2],
                form.amountCents(),
                form.monthly(),
                form.email(),
                page + "/thanks?intent=" + intentId,
                page + "/donate");
        jdbc.sql("update contribution_intent set checkout_session_id = ? where id = ?")
                .params(session.id(), intentId)
                .update();
        return new ToPayment(intentId, session.url());
    }
}
