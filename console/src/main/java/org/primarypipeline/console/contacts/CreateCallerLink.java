package org.primarypipeline.console.contacts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.primarypipeline.campaigns.events.EventKind;
import org.primarypipeline.campaigns.events.EventRecord;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.campaigns.CampaignAccess;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.contacts.CallerLinks;
import org.primarypipeline.platform.links.PublicLinks;
import org.springframework.stereotype.Service;

/**
 * The host of a phone-bank event (or an organizer of its campaign: {@link CampaignAccess}) makes a one-time
 * link for a named guest caller. The link opens a guest session limited to the campaign's call page (see
 * {@link RedeemCallerLink}); it expires {@link #AFTER_END} after the event ends. Only its hash is stored:
 * the link is shown once, to whoever made it. Audited under the maker's name.
 */
@Service
public class CreateCallerLink {

    /** How long after the event's end a link (and the session it opened) still works. */
    public static final Duration AFTER_END = Duration.ofHours(4);

    static final String ACTION = "contacts.caller-link.create";

    /** Why no link was made: a field ({@code name}, or {@code form} for the event) and the sentence's key. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        Refused(String field, String key) {
            super(key, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }

        public String key() {
            return getMessage();
        }
    }

    /** A link just made: its address (shown once), for whom, until when. */
    public record Made(String url, String callerName, Instant expiresAt) {}

    private final EventStore events;
    private final CallerLinks links;
    private final CampaignAccess access;
    private final PublicLinks addresses;
    private final AuditLog audit;

    public CreateCallerLink(
            EventStore events, CallerLinks links, CampaignAccess access, PublicLinks addresses, AuditLog audit) {
        this.events = events;
        this.links = links;
        this.access = access;
        this.addresses = addresses;
        this.audit = audit;
    }

    /** The event's host, a member: another member's event is "not found" ({@code field} "event"). */
    public Made byHost(long memberId, long eventId, String name) {
        EventRecord e = events.find(eventId)
                .filter(x -> x.hostMemberId() == memberId)
                .orElseThrow(() -> new Refused("event", "caller-link.error-event"));
        return make(e, name, "member " + memberId, "MEMBER");
    }

    /** Staff who steer cycles, or an organizer of the event's district; refused (audited, 403) otherwise. */
    public Made byOrganizer(StaffUser who, long eventId, String name) {
        EventRecord e = events.find(eventId).orElse(null);
        access.require(who, Right.STEER_CYCLES, ACTION, "event " + eventId, e == null ? null : e.districtId());
        if (e == null) {
            throw new Refused("event", "caller-link.error-event");
        }
        return make(e, name, who.getUsername(), who.role().name());
    }

    private Made make(EventRecord e, String name, String actor, String role) {
        String caller = name == null ? "" : name.strip();
        if (caller.isEmpty()) {
            throw new Refused("name", "caller-link.error-name");
        }
        if (caller.length() > 100) {
            throw new Refused("name", "caller-link.error-name-long");
        }
        if (e.kind() != EventKind.PHONE_BANK || e.cycleId() == null) {
            throw new Refused("form", "caller-link.error-kind");
        }
        Instant expires = e.endsAt().plus(AFTER_END);
        if (!expires.isAfter(Instant.now())) {
            throw new Refused("form", "caller-link.error-over");
        }
        CallerLinks.Made made = links.create(e.id(), e.cycleId(), caller, expires, actor);
        audit.record(
                actor,
                role,
                ACTION,
                "event " + e.id(),
                Outcome.DONE,
                "one-time caller link for " + caller,
                null,
                Map.of("link", made.id(), "campaign", e.cycleId(), "expiresAt", expires.toString()));
        return new Made(addresses.url("/me/call-link/" + made.token()), caller, expires);
    }
}
