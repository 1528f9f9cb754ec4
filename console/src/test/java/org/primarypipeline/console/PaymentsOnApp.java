package org.primarypipeline.console;

import java.io.IOException;
import org.primarypipeline.testing.StripeStub;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one test app with payments on: Stripe's API served by a local stub (products, Checkout,
 * subscriptions), the webhook secret the stub signs with, its own fresh database. Every class extending
 * this shares the one Spring context (same annotation, same property source), so it starts once; the
 * stub lives as long as the JVM (a class must not close it: the next class in the context uses it).
 * The console's shared app ({@code ConsoleTestSupport}) keeps payments off.
 */
@SpringBootTest(
        classes = ConsoleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "pp.prioritize.on-start=false",
            "pp.outreach.public-base-url=https://pp.example.org",
            // the fuzz pass's limits answer before the form is read; it is about what the form does with its input
            "pp.nomination.per-ip-per-hour=1000000",
            "pp.join.per-ip-per-hour=1000000",
            "pp.join.per-address-per-day=1000000",
            // several partitions on any machine, so rows that cross a partition's edge are in every run
            "pp.import.partitions=4"
        })
public abstract class PaymentsOnApp {

    public static final String PRODUCT = "prod_PAY1";

    private static StripeStub stripe;

    @DynamicPropertySource
    static void paymentsOn(DynamicPropertyRegistry registry) throws IOException {
        FreshAppProperties.register(registry);
        registry.add("pp.stripe.secret-key", () -> StripeStub.SECRET_KEY);
        registry.add("pp.stripe.webhook-secret", () -> StripeStub.WEBHOOK_SECRET);
        registry.add("pp.stripe.api-base", () -> stripe().apiBase());
    }

    /** The stub the app's Stripe calls go to; started with the first use, stopped when the JVM ends. */
    public static synchronized StripeStub stripe() {
        if (stripe == null) {
            StripeStub started =
                    new StripeStub().products(PRODUCT, false).checkoutSessions().subscriptions();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stripe-stub-stop"));
            stripe = started;
        }
        return stripe;
    }
}
