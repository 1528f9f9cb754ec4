package org.primarypipeline.console.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.primarypipeline.campaigns.Attribution;
import org.primarypipeline.campaigns.events.EventMessages;
import org.primarypipeline.campaigns.events.EventRecord;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.campaigns.events.RsvpRecord;
import org.primarypipeline.campaigns.events.ShiftRecord;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.core.supporter.EmailAddresses;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.core.supporter.PhoneNumbers;
import org.primarypipeline.outreach.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anyone asks for a place on a shift of a published event: a name and an email or a phone, no account.
 * The place is held (a full shift is refused) and a one-time link to confirm it is sent; only the link's
 * SHA-256 is stored. The same address asking again for the same shift is the same request: no second
 * row and no second link. With a share code ({@link Attribution.Touch}), the {@code attribution} row is written
 * in the same transaction.
 */
@Service
public class RsvpToShift {

    /** What happened: the RSVP and whether this request made it (false: a repeated submit). */
    public record Result(long rsvpId, boolean created) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EventStore store;
    private final EventMessages messages;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Attribution attribution;

    public RsvpToShift(
            EventStore store, EventMessages messages, Outbox outbox, AuditLog audit, Attribution attribution) {
        this.attribution = attribution;
        this.store = store;
        this.messages = messages;
        this.outbox = outbox;
        this.audit = audit;
    }

    public Result rsvp(long eventId, String shiftText, String name, String email, String phone, String locale) {
        return rsvp(eventId, shiftText, name, email, phone, locale, Attribution.Touch.NONE);
    }

    @Transactional
    public Result rsvp(
            long eventId,
            String shiftText,
            String name,
            String email,
            String phone,
            String locale,
            Attribution.Touch touch) {
        EventRecord event = store.find(eventId)
                .filter(EventRecord::published)
                .orElseThrow(() -> EventRefused.of("form", "events.error.not-open"));
        Map<String, String> problems = new LinkedHashMap<>();
        String fullName = ProposeEvent.clean(name, 120);
        if (fullName == null) {
            problems.put("fullName", "events.error.name");
        }
        String mail = null;
        String tel = null;
        try {
            mail = EmailAddresses.normalize(email);
        } catch (InvalidField bad) {
            problems.put("email", "events.error.email");
        }
        try {
            tel = PhoneNumbers.toE164(phone);
        } catch (InvalidField bad) {
            problems.put("phone", "events.error.phone");
        }
        if (mail == null && tel == null && !problems.containsKey("email") && !problems.containsKey("phone")) {
            problems.put("email", "events.error.contact");
        }
        Integer shiftId = ProposeEvent.number(shiftText);
        ShiftRecord shift =
                shiftId == null ? null : store.lockShift(eventId, shiftId).orElse(null);
        if (shift == null) {
            problems.put("shift", "events.error.shift");
        }
        if (!problems.isEmpty()) {
            throw new EventRefused(problems);
        }
        var existing = store.activeRsvp(shift.id(), mail, tel);
        if (existing.isPresent()) {
            return new Result(existing.get().id(), false);
        }
        if (shift.full()) {
            throw EventRefused.of("shift", "events.error.full");
        }
        String token = token();
        String language = "es".equals(locale) ? "es" : "en";
        Long memberId = store.memberByAddress(mail, tel).orElse(null);
        long id = store.addRsvp(eventId, shift.id(), memberId, fullName, mail, tel, language, sha256(token));
        RsvpRecord r = store.rsvp(id).orElseThrow();
        outbox.enqueue(messages.confirmLink(event, r, shift.startsAt(), token));
        attribution.record(Attribution.Kind.RSVP, id, event.cycleId(), touch);
        audit.record(
                "public",
                null,
                "event.rsvp",
                eventId + "/" + shift.id(),
                Outcome.DONE,
                "place held until the link is followed" + (memberId == null ? "" : " (member " + memberId + ")"),
                null,
                Map.of("rsvp", id));
        return new Result(id, true);
    }

    static String token() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
