package org.primarypipeline.fundraising;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.Product;
import com.stripe.model.Refund;
import com.stripe.model.Subscription;
import com.stripe.model.TransferReversal;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.ProductUpdateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferReversalCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every call we make to Stripe, each with an idempotency key derived from our own ids so that a
 * retried activity or a resubmitted form reaches the object the first attempt created. Stripe keeps
 * keys for at least 24 hours; past that our database records the ids, and callers look there first.
 */
@Component
public class StripeGateway {

    private final FundraisingSettings settings;
    private final StripeClient client;

    public StripeGateway(FundraisingSettings settings) {
        this.settings = settings;
        this.client = settings.paymentsConfigured()
                ? StripeClient.builder()
                        .setApiKey(settings.secretKey())
                        .setApiBase(settings.apiBase())
                        .setMaxNetworkRetries(2)
                        .setConnectTimeout(10_000)
                        .setReadTimeout(30_000)
                        .build()
                : null;
    }

    public boolean configured() {
        return client != null;
    }

    public Optional<StripeClient> client() {
        return Optional.ofNullable(client);
    }

    public FundraisingSettings settings() {
        return settings;
    }

    public String createProduct(long fundraiserId, String cycleId, String name, String description) {
        ProductCreateParams params = ProductCreateParams.builder()
                .setName(name)
                .setDescription(description)
                .putMetadata("pp_fundraiser_id", Long.toString(fundraiserId))
                .putMetadata("pp_cycle_id", cycleId)
                .build();
        return call(() -> required()
                .v1()
                .products()
                .create(params, key("fundraiser-" + fundraiserId + "-product"))
                .getId());
    }

    public void deactivateProduct(long fundraiserId, String productId) {
        call(() -> {
            Product p = required()
                    .v1()
                    .products()
                    .update(
                            productId,
                            ProductUpdateParams.builder().setActive(false).build(),
                            key("fundraiser-" + fundraiserId + "-product-deactivate"));
            return p.getId();
        });
    }

    /** A hosted Checkout page for one filled-in form: one-time or monthly, for exactly the amount given. */
    public CheckoutSession createCheckout(
            long intentId,
            String productId,
            long amountCents,
            boolean monthly,
            String donorEmail,
            String successUrl,
            String cancelUrl) {
        Map<String, String> metadata = Map.of("pp_intent_id", Long.toString(intentId));
        SessionCreateParams.LineItem.PriceData.Builder price = SessionCreateParams.LineItem.PriceData.builder()
                .setCurrency("usd")
                .setProduct(productId)
                .setUnitAmount(amountCents);
        if (monthly) {
            price.setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                    .setInterval(SessionCreateParams.LineItem.PriceData.Recurring.Interval.MONTH)
                    .build());
        }
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(monthly ? SessionCreateParams.Mode.SUBSCRIPTION : SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(Long.toString(intentId))
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .putAllMetadata(metadata)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(price.build())
                        .build());
        if (donorEmail != null && !donorEmail.isBlank()) {
            params.setCustomerEmail(donorEmail);
        }
        // the payment's own events carry the intent, so a payment can be booked before (or without)
        // checkout.session.completed
        if (monthly) {
            params.setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                    .putAllMetadata(metadata)
                    .build());
        } else {
            params.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                    .putAllMetadata(metadata)
                    .build());
        }
        return call(() -> {
            Session s = required()
                    .v1()
                    .checkout()
                    .sessions()
                    .create(params.build(), key("intent-" + intentId + "-checkout"));
            return new CheckoutSession(s.getId(), s.getUrl());
        });
    }

    /** Refunds part or all of a charge; the key names why, so a repeated staff decision refunds once. */
    public String refund(String chargeId, long amountCents, String why) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setCharge(chargeId)
                .setAmount(amountCents)
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putMetadata("pp_reason", why)
                .build();
        return call(() -> {
            Refund r = required().v1().refunds().create(params, key("refund-" + chargeId + "-" + why));
            return r.getId();
        });
    }

    /**
     * The committee's own Stripe account (Connect, Express: Stripe hosts its onboarding and its
     * dashboard), created once per fundraiser; only the transfers capability is asked for, as the
     * committee receives forwarded gifts and does not charge donors through us.
     */
    public String createConnectedAccount(long fundraiserId, String committeeName, String committeeFecId) {
        AccountCreateParams params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setCountry("US")
                .setCapabilities(AccountCreateParams.Capabilities.builder()
                        .setTransfers(AccountCreateParams.Capabilities.Transfers.builder()
                                .setRequested(true)
                                .build())
                        .build())
                .putMetadata("pp_fundraiser_id", Long.toString(fundraiserId))
                .putMetadata("committee_name", committeeName == null ? "" : committeeName)
                .putMetadata("committee_fec_id", committeeFecId == null ? "" : committeeFecId)
                .build();
        return call(() -> required()
                .v1()
                .accounts()
                .create(params, key("fundraiser-" + fundraiserId + "-account"))
                .getId());
    }

    /** A one-time onboarding link (Stripe's account link, good for minutes); no idempotency key, each is new. */
    public String onboardingLink(String accountId, String refreshUrl, String returnUrl) {
        AccountLinkCreateParams params = AccountLinkCreateParams.builder()
                .setAccount(accountId)
                .setRefreshUrl(refreshUrl)
                .setReturnUrl(returnUrl)
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .build();
        return call(() -> required().v1().accountLinks().create(params).getUrl());
    }

    /** Where a connected account stands: details submitted, charges and payouts enabled. */
    public AccountStatus account(String accountId) {
        return call(() -> {
            Account a = required().v1().accounts().retrieve(accountId);
            return new AccountStatus(
                    a.getId(),
                    Boolean.TRUE.equals(a.getDetailsSubmitted()),
                    Boolean.TRUE.equals(a.getChargesEnabled()),
                    Boolean.TRUE.equals(a.getPayoutsEnabled()));
        });
    }

    /**
     * Forwards one earmarked donation to the committee: a transfer tied to the donor's charge (so it
     * can go before the charge's funds are available), keyed by the donation, so a retry after a lost
     * answer reaches the transfer the first attempt made.
     */
    public String transfer(long donationId, long fundraiserId, String accountId, long amountCents, String chargeId) {
        TransferCreateParams.Builder params = TransferCreateParams.builder()
                .setAmount(amountCents)
                .setCurrency("usd")
                .setDestination(accountId)
                .setTransferGroup("pp-fundraiser-" + fundraiserId)
                .setDescription("earmarked contribution, donation " + donationId)
                .putMetadata("pp_donation_id", Long.toString(donationId))
                .putMetadata("pp_fundraiser_id", Long.toString(fundraiserId));
        if (chargeId != null) {
            params.setSourceTransaction(chargeId);
        }
        return call(() -> required()
                .v1()
                .transfers()
                .create(params.build(), key("donation-" + donationId + "-transfer"))
                .getId());
    }

    /**
     * Takes back part of a transfer (a refund or dispute of its gift). The key names the total reversed
     * after this call, so one refund reverses once however often it is retried, and a later, larger
     * refund reverses its difference.
     */
    public String reverseTransfer(String transferId, long amountCents, long reversedTotalCents) {
        TransferReversalCreateParams params = TransferReversalCreateParams.builder()
                .setAmount(amountCents)
                .putMetadata("pp_reversed_total", Long.toString(reversedTotalCents))
                .build();
        return call(() -> {
            TransferReversal r = required()
                    .v1()
                    .transfers()
                    .reversals()
                    .create(transferId, params, key("transfer-" + transferId + "-reversed-" + reversedTotalCents));
            return r.getId();
        });
    }

    /**
     * A monthly gift's new amount from its next invoice on: the subscription's one item gets a new price
     * for the same product, proration off (no charge or credit for the month already paid). The key
     * names the new amount, so a resubmitted form changes once.
     */
    public void changeSubscriptionAmount(String subscriptionId, String productId, long amountCents) {
        call(() -> {
            Subscription sub = required().v1().subscriptions().retrieve(subscriptionId);
            String itemId = sub.getItems().getData().get(0).getId();
            SubscriptionUpdateParams params = SubscriptionUpdateParams.builder()
                    .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.NONE)
                    .addItem(SubscriptionUpdateParams.Item.builder()
                            .setId(itemId)
                            .setPriceData(SubscriptionUpdateParams.Item.PriceData.builder()
                                    .setCurrency("usd")
                                    .setProduct(productId)
                                    .setUnitAmount(amountCents)
                                    .setRecurring(SubscriptionUpdateParams.Item.PriceData.Recurring.builder()
                                            .setInterval(
                                                    SubscriptionUpdateParams.Item.PriceData.Recurring.Interval.MONTH)
                                            .build())
                                    .build())
                            .build())
                    .build();
            return required()
                    .v1()
                    .subscriptions()
                    .update(subscriptionId, params, key("subscription-" + subscriptionId + "-amount-" + amountCents))
                    .getId();
        });
    }

    /** Ends a monthly gift now: no further invoices. */
    public void cancelSubscription(String subscriptionId) {
        call(() -> required()
                .v1()
                .subscriptions()
                .cancel(
                        subscriptionId,
                        SubscriptionCancelParams.builder().build(),
                        key("subscription-" + subscriptionId + "-cancel"))
                .getId());
    }

    public record AccountStatus(String id, boolean detailsSubmitted, boolean chargesEnabled, boolean payoutsEnabled) {}

    public record CheckoutSession(String id, String url) {}

    private StripeClient required() {
        if (client == null) {
            throw new PaymentsOffException();
        }
        return client;
    }

    private static RequestOptions key(String suffix) {
        return RequestOptions.builder().setIdempotencyKey("pp-" + suffix).build();
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            throw new StripeUnavailableException(e);
        }
    }

    /** Stripe refused or could not be reached; activities let Temporal retry, handlers answer 502. */
    public static final class StripeUnavailableException extends RuntimeException {
        StripeUnavailableException(StripeException cause) {
            super(
                    "Stripe: " + cause.getMessage()
                            + (cause.getStatusCode() == null ? "" : " (HTTP " + cause.getStatusCode() + ")"),
                    cause);
        }
    }

    /** Something needs Stripe and no secret key is configured. */
    public static final class PaymentsOffException extends IllegalStateException {
        PaymentsOffException() {
            super("payments are off until Stripe is configured (pp.stripe.secret-key)");
        }
    }
}
