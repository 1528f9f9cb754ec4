package org.primarypipeline.fundraising;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stripe credentials and the federal rules' numbers. With no secret key payments are off: fundraisers
 * are still recorded, and say so, rather than pretend to take money.
 *
 * @param limitPerElectionCents     an individual's limit per candidate per election; the 2025-26 federal figure is $3,500
 * @param itemizationThresholdCents a donor whose gifts in the cycle add up to more than this is itemized ($200)
 */
@Component
public record FundraisingSettings(
        String secretKey,
        String webhookSecret,
        String apiBase,
        String publicBaseUrl,
        long limitPerElectionCents,
        long itemizationThresholdCents) {

    public static final String STRIPE_API_BASE = "https://api.stripe.com";

    public FundraisingSettings(
            @Value("${pp.stripe.secret-key:}") String secretKey,
            @Value("${pp.stripe.webhook-secret:}") String webhookSecret,
            @Value("${pp.stripe.api-base:" + STRIPE_API_BASE + "}") String apiBase,
            @Value("${pp.public-base-url:http://localhost:8080}") String publicBaseUrl,
            @Value("${pp.fundraising.limit-per-election-cents:350000}") long limitPerElectionCents,
            @Value("${pp.fundraising.itemization-threshold-cents:20000}") long itemizationThresholdCents) {
        this.secretKey = secretKey == null ? "" : secretKey.trim();
        this.webhookSecret = webhookSecret == null ? "" : webhookSecret.trim();
        this.apiBase = apiBase == null || apiBase.isBlank() ? STRIPE_API_BASE : apiBase.trim();
        this.publicBaseUrl = trimSlash(
                publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080" : publicBaseUrl.trim());
        if (limitPerElectionCents <= 0 || itemizationThresholdCents < 0) {
            throw new IllegalArgumentException(
                    "contribution limit must be positive and the itemization threshold not negative");
        }
        this.limitPerElectionCents = limitPerElectionCents;
        this.itemizationThresholdCents = itemizationThresholdCents;
    }

    /** Payments off, default limits: what a fresh install has. */
    public static FundraisingSettings unconfigured() {
        return new FundraisingSettings("", "", STRIPE_API_BASE, "http://localhost:8080", 350_000, 20_000);
    }

    public FundraisingSettings withStripe(String key, String webhook, String base) {
        return new FundraisingSettings(
                key, webhook, base, publicBaseUrl, limitPerElectionCents, itemizationThresholdCents);
    }

    public FundraisingSettings withLimits(long limit, long threshold) {
        return new FundraisingSettings(secretKey, webhookSecret, apiBase, publicBaseUrl, limit, threshold);
    }

    public boolean paymentsConfigured() {
        return !secretKey.isEmpty();
    }

    public String fundraiserUrl(long fundraiserId) {
        return publicBaseUrl + "/fundraisers/" + fundraiserId;
    }

    @Override
    public String toString() {
        // keeps the secrets out of logs and exception messages
        return "FundraisingSettings[payments=" + (paymentsConfigured() ? "on" : "off") + ", apiBase=" + apiBase
                + ", limit=" + limitPerElectionCents + ", itemization=" + itemizationThresholdCents + "]";
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
