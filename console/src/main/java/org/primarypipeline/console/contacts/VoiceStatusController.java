package org.primarypipeline.console.contacts;

import jakarta.servlet.http.HttpServletRequest;
import org.primarypipeline.contacts.BridgedCalls;
import org.primarypipeline.integrations.outreach.sms.TwilioSignature;
import org.primarypipeline.integrations.outreach.sms.TwilioVoice;
import org.primarypipeline.platform.PublicDoor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio Voice's status callbacks for a call placed by {@link BridgeCall}: the volunteer's leg, and the
 * contact's ({@code ?leg=contact}). Checked as the SMS webhooks are ({@link TwilioSignature}, Twilio's
 * RequestValidator): an unsigned or wrongly signed request gets 401 before anything is read or written.
 */
@PublicDoor
@RestController
public class VoiceStatusController {

    private final TwilioSignature signature;
    private final BridgedCalls calls;

    public VoiceStatusController(TwilioSignature signature, BridgedCalls calls) {
        this.signature = signature;
        this.calls = calls;
    }

    @PostMapping(TwilioVoice.STATUS_PATH + "{id}")
    public ResponseEntity<Void> status(@PathVariable("id") long id, HttpServletRequest request) {
        if (!signature.isValid(request)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        String sid = request.getParameter("CallSid");
        if (sid == null || sid.isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        boolean contactLeg = "contact".equals(request.getParameter("leg"));
        Integer duration = seconds(request.getParameter("CallDuration"));
        boolean known = calls.status(id, sid, contactLeg, request.getParameter("CallStatus"), duration);
        return known
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    private static Integer seconds(String raw) {
        return raw != null && raw.matches("\\d{1,7}") ? Integer.valueOf(raw) : null;
    }
}
