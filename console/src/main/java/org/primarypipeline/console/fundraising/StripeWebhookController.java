package org.primarypipeline.console.fundraising;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.primarypipeline.console.web.RequestSizeLimit;
import org.primarypipeline.fundraising.StripeWebhooks;
import org.primarypipeline.platform.PublicDoor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook endpoint. The body is taken as the exact string Stripe signed, read only up to
 * {@code pp.stripe.webhook-max-body} (Stripe's events are a few KiB; beyond the cap: 413, before any
 * signature work); a 400 tells Stripe the request was not accepted (forged, replayed or unsigned), and
 * a 5xx (an effect failed) makes Stripe deliver the event again later.
 */
@PublicDoor
@RestController
public class StripeWebhookController {

    private final StripeWebhooks webhooks;
    private final RequestSizeLimit limits;

    public StripeWebhookController(StripeWebhooks webhooks, RequestSizeLimit limits) {
        this.webhooks = webhooks;
        this.limits = limits;
    }

    // Stripe asks for "*/*; q=0.5, application/xml"; the answer is JSON whatever converters the app carries
    @PostMapping(value = RequestSizeLimit.STRIPE, consumes = "*/*", produces = "application/json")
    ResponseEntity<Map<String, String>> receive(
            HttpServletRequest request,
            HttpServletResponse response,
            @RequestHeader(value = "Stripe-Signature", required = false) String signature)
            throws IOException {
        long limit = limits.limitFor(RequestSizeLimit.STRIPE);
        byte[] body;
        try {
            body = request.getInputStream().readNBytes((int) limit + 1);
        } catch (RequestSizeLimit.TooLarge e) {
            body = null;
        }
        if (body == null || body.length > limit) {
            RequestSizeLimit.refuse(request, response, limit);
            return null;
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        try {
            return ResponseEntity.ok(Map.of(
                    "outcome", webhooks.receive(payload, signature).name().toLowerCase()));
        } catch (StripeWebhooks.RejectedException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
    }
}
