package org.primarypipeline.integrations.outreach.sms;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.primarypipeline.platform.PublicDoor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Twilio's webhooks: replies to our texts ({@code /twilio/sms}, configured on the number or messaging
 * service) and status callbacks ({@code /twilio/status/{outboxId}}, set on each message we send). A
 * request without a valid signature gets 401 before anything is read or written.
 */
@PublicDoor
@RestController
public class TwilioWebhookController {

    public static final String INBOUND_PATH = "/twilio/sms";
    public static final String STATUS_PATH = "/twilio/status/";
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final TwilioSignature signature;
    private final InboundSms inbound;
    private final DeliveryReports reports;

    public TwilioWebhookController(TwilioSignature signature, InboundSms inbound, DeliveryReports reports) {
        this.signature = signature;
        this.inbound = inbound;
        this.reports = reports;
    }

    @PostMapping(value = INBOUND_PATH, produces = MediaType.APPLICATION_XML_VALUE)
    public ResponseEntity<String> inbound(HttpServletRequest request) {
        if (!signature.isValid(request)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        String sid = request.getParameter("MessageSid");
        String from = request.getParameter("From");
        if (sid == null || sid.isBlank() || from == null || from.isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        Optional<String> reply = inbound.handle(new InboundSms.Received(
                sid,
                request.getParameter("AccountSid"),
                from,
                request.getParameter("To"),
                request.getParameter("Body"),
                request.getParameter("OptOutType")));
        String twiml = reply.map(text -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + xml(text)
                        + "</Message></Response>")
                .orElse(EMPTY_TWIML);
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(twiml);
    }

    /** Escapes only what XML needs; HTML's named entities (&amp;eacute;) are not XML and would break the TwiML. */
    private static String xml(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    @PostMapping(STATUS_PATH + "{outboxId}")
    public ResponseEntity<Void> status(@PathVariable("outboxId") long outboxId, HttpServletRequest request) {
        if (!signature.isValid(request)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        String sid = request.getParameter("MessageSid");
        if (sid == null || sid.isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        boolean known =
                reports.record(outboxId, sid, request.getParameter("MessageStatus"), request.getParameter("ErrorCode"));
        return known
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }
}
