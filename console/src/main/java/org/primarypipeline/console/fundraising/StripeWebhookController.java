package org.primarypipeline.console.fundraising;

import java.util.Map;
import org.primarypipeline.fundraising.StripeWebhooks;
import org.primarypipeline.platform.PublicDoor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook endpoint. The body is taken as the exact string Stripe signed; a 400 tells Stripe
 * the request was not accepted (forged, replayed or unsigned), and a 5xx (an effect failed) makes
 * Stripe deliver the event again later.
 */
@PublicDoor
@RestController
public class StripeWebhookController {

    private final StripeWebhooks webhooks;

    public StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    // Stripe asks for "*/*; q=0.5, application/xml"; the answer is JSON whatever converters the app carries
    @PostMapping(value = "/webhooks/stripe", consumes = "*/*", produces = "application/json")
    ResponseEntity<Map<String, String>> receive(
            @RequestBody String payload,
            @RequestHeader(value = "Stripe-Signature", required = false) String signature) {
        try {
            return ResponseEntity.ok(Map.of(
                    "outcome", webhooks.receive(payload, signature).name().toLowerCase()));
        } catch (StripeWebhooks.RejectedException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
    }
}
