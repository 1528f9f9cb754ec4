package org.primarypipeline.console.events;

import java.util.Map;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff mark a member a trusted host: the events they propose from now on publish at once. */
@Service
public class MarkTrustedHost {

    private final EventStore store;
    private final Permissions permissions;
    private final AuditLog audit;

    public MarkTrustedHost(EventStore store, Permissions permissions, AuditLog audit) {
        this.store = store;
        this.permissions = permissions;
        this.audit = audit;
    }

    @Transactional
    public boolean perform(StaffUser who, long memberId) {
        permissions.require(who, Right.STEER_CYCLES, "event.host-trusted", Long.toString(memberId));
        if (store.memberName(memberId).isEmpty()) {
            throw new IllegalStateException("no member " + memberId);
        }
        boolean marked = store.markTrusted(memberId, "STAFF", who.getUsername());
        audit.record(
                who.getUsername(),
                who.role().label(),
                "event.host-trusted",
                Long.toString(memberId),
                Outcome.DONE,
                marked ? "marked a trusted host" : "already a trusted host",
                null,
                Map.of("trusted", true));
        return marked;
    }
}
