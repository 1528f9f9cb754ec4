package org.primarypipeline.console.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * In production mode ({@code pp.production=true}; deploy/k8s sets it) the app refuses to start while a
 * secret is still the deploy files' placeholder ({@code change-me}) or empty where it is needed, naming
 * the property, before anything connects anywhere. Outside production (a developer's machine, the
 * embedded database, tests) nothing is checked.
 */
public class ProductionSecrets implements EnvironmentPostProcessor {

    static final String DATABASE_PASSWORD = "spring.datasource.password";
    static final String STRIPE_KEY = "pp.stripe.secret-key";
    static final String STRIPE_WEBHOOK = "pp.stripe.webhook-secret";
    static final String TWILIO_SID = "pp.outreach.sms.twilio.account-sid";
    static final String TWILIO_TOKEN = "pp.outreach.sms.twilio.auth-token";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        if (!binder.bind("pp.production", Boolean.class).orElse(false)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        String database = value(binder, DATABASE_PASSWORD);
        if (database.isEmpty()) {
            problems.add(DATABASE_PASSWORD + " is empty");
        }
        for (String secret : List.of(DATABASE_PASSWORD, STRIPE_KEY, STRIPE_WEBHOOK, TWILIO_SID, TWILIO_TOKEN)) {
            if (placeholder(value(binder, secret))) {
                problems.add(secret + " is still a placeholder");
            }
        }
        if (!value(binder, STRIPE_KEY).isEmpty()
                && value(binder, STRIPE_WEBHOOK).isEmpty()) {
            problems.add(STRIPE_WEBHOOK + " is empty while " + STRIPE_KEY + " is set (anyone could forge a payment)");
        }
        if (!value(binder, TWILIO_SID).isEmpty() && value(binder, TWILIO_TOKEN).isEmpty()) {
            problems.add(TWILIO_TOKEN + " is empty while " + TWILIO_SID + " is set (replies could not be verified)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production mode (pp.production=true): "
                    + String.join("; ", problems)
                    + ". Set the real secret (in Kubernetes: the primary-pipeline Secret).");
        }
    }

    private static String value(Binder binder, String name) {
        return binder.bind(name, String.class).orElse("").trim();
    }

    /** The placeholders the deploy files ship and their usual spellings. */
    static boolean placeholder(String value) {
        String squashed = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return squashed.contains("changeme") || squashed.equals("placeholder") || squashed.equals("ppdevpassword");
    }
}
