package org.primarypipeline.console.contacts;

import java.util.Map;
import java.util.Optional;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.contacts.BridgedCalls;
import org.primarypipeline.contacts.CallPacket;
import org.primarypipeline.contacts.Contact;
import org.primarypipeline.contacts.PhoneBanks;
import org.primarypipeline.core.supporter.PhoneNumbers;
import org.primarypipeline.integrations.outreach.sms.TwilioVoice;
import org.springframework.stereotype.Service;

/**
 * "Call through us": the app rings the volunteer's phone and bridges it to the contact they hold, through
 * Twilio Voice ({@link TwilioVoice}); the volunteer's own number is never shown to the voter (the call shows
 * ours). Only the caller holding the contact's lease may; refusals are said beside the phone field. Each
 * call is a {@code bridged_call} row that Twilio's status callbacks update and the saved attempt points at.
 */
@Service
public class BridgeCall {

    static final String ACTION = "contacts.call.bridge";

    private final PhoneBanks phoneBanks;
    private final BridgedCalls calls;
    private final TwilioVoice voice;
    private final AuditLog audit;

    public BridgeCall(PhoneBanks phoneBanks, BridgedCalls calls, TwilioVoice voice, AuditLog audit) {
        this.phoneBanks = phoneBanks;
        this.calls = calls;
        this.voice = voice;
        this.audit = audit;
    }

    /** Whether Twilio Voice is configured: the call page shows the button only then. */
    public boolean available() {
        return voice.available();
    }

    /** The status Twilio last reported for the caller's latest call to the contact (both legs). */
    Optional<String> status(Caller me, long contactId) {
        return calls.latest(me.key(), contactId)
                .map(b -> b.contactStatus() == null ? b.status() : b.status() + " / " + b.contactStatus());
    }

    public void perform(Caller me, CallPacket packet, long contactId, String phone, String greeting) {
        if (!voice.available()) {
            throw new RecordCall.Refused("phone", "call.error-voice-off");
        }
        String volunteerPhone;
        try {
            volunteerPhone = PhoneNumbers.toE164(phone);
        } catch (RuntimeException invalid) {
            volunteerPhone = null;
        }
        if (volunteerPhone == null) {
            throw new RecordCall.Refused("phone", "call.error-phone");
        }
        Contact contact = phoneBanks.contact(contactId).orElse(null);
        if (contact == null || !phoneBanks.holds(packet.id(), contactId, me.key())) {
            throw new RecordCall.Refused("result", "call.error-lost");
        }
        long id = calls.start(packet.cycleId(), packet.id(), contactId, me.key(), volunteerPhone);
        try {
            String[] placed = voice.bridge(id, volunteerPhone, contact.phone(), greeting);
            calls.placed(id, placed[0], placed[1]);
        } catch (TwilioVoice.Refused refused) {
            calls.failed(id, refused.getMessage());
            record(me, contactId, Outcome.REFUSED, "Twilio did not place the call: " + refused.getMessage(), id);
            throw new RecordCall.Refused("phone", "call.error-bridge");
        }
        record(me, contactId, Outcome.DONE, "call placed through Twilio Voice", id);
    }

    private void record(Caller me, long contactId, Outcome outcome, String detail, long callId) {
        audit.record(
                me.key(),
                me.member() ? "member" : "guest caller",
                ACTION,
                "contact " + contactId,
                outcome,
                detail,
                null,
                Map.of("bridgedCall", callId));
    }
}
