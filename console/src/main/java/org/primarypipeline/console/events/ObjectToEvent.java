package org.primarypipeline.console.events;

import java.time.Clock;
import java.util.Map;
import org.primarypipeline.campaigns.events.DistrictScope;
import org.primarypipeline.campaigns.events.EventRecord;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff who steer cycles, or the organizer of the event's district ({@link DistrictScope}), stop an event
 * still in its review window: it is never published and its workflow ends. A published event is past
 * objecting to (staff cancel it instead).
 */
@Service
public class ObjectToEvent {

    private final EventStore store;
    private final DistrictScope scope;
    private final Permissions permissions;
    private final AuditLog audit;
    private final EventWorkflows workflows;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public ObjectToEvent(
            EventStore store,
            DistrictScope scope,
            Permissions permissions,
            AuditLog audit,
            EventWorkflows workflows,
            TransactionTemplate transaction,
            Clock clock) {
        this.store = store;
        this.scope = scope;
        this.permissions = permissions;
        this.audit = audit;
        this.workflows = workflows;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** True when the account may object to events of this district. */
    public boolean mayObject(StaffUser who, String districtId) {
        return who != null && (who.can(Right.STEER_CYCLES) || scope.organizes(who.id(), districtId));
    }

    /** True when the account organizes some district (the organizer role's scope). */
    public boolean organizesAny(StaffUser who) {
        return who != null && scope.organizesAny(who.id());
    }

    public void perform(StaffUser who, long eventId, String reason) {
        if (who == null || (!who.can(Right.STEER_CYCLES) && !scope.organizesAny(who.id()))) {
            permissions.require(who, Right.STEER_CYCLES, "event.objected", Long.toString(eventId));
        }
        EventRecord event = store.find(eventId).orElseThrow(() -> new IllegalStateException("no event " + eventId));
        if (!mayObject(who, event.districtId())) {
            permissions.require(who, Right.STEER_CYCLES, "event.objected", Long.toString(eventId));
        }
        String why = ProposeEvent.clean(reason, 500);
        if (why == null) {
            throw new IllegalStateException("say why: the host reads it");
        }
        boolean done = Boolean.TRUE.equals(transaction.execute(tx -> {
            boolean changed = store.object(eventId, who.getUsername(), why, clock.instant());
            if (changed) {
                audit.record(
                        who.getUsername(),
                        who.role().label(),
                        "event.objected",
                        Long.toString(eventId),
                        Outcome.DONE,
                        why,
                        Map.of("status", event.status()),
                        Map.of("status", "OBJECTED"));
            }
            return changed;
        }));
        if (!done) {
            throw new IllegalStateException("event " + eventId + " is no longer in review (" + event.status() + ")");
        }
        workflows.objected(eventId);
    }
}
