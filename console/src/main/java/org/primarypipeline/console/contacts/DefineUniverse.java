package org.primarypipeline.console.contacts;

import java.util.List;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.contacts.Universe;
import org.primarypipeline.contacts.Universes;
import org.springframework.stereotype.Service;

/** An organizer saves a universe (a filter over the campaign's contacts); it is counted live from then on. */
@Service
public class DefineUniverse {

    /** The filter as asked for; blank or null fields mean "any". */
    public record Request(
            String name,
            String districtId,
            String precinct,
            List<String> tags,
            Integer notContactedDays,
            String channel) {}

    public record Result(long id, long count) {}

    /** The audit entry's state after. */
    record Saved(long universe, Request filter, long count) {}

    private final CampaignScope scope;
    private final Universes universes;
    private final AuditLog audit;

    public DefineUniverse(CampaignScope scope, Universes universes, AuditLog audit) {
        this.scope = scope;
        this.universes = universes;
        this.audit = audit;
    }

    public Result perform(StaffUser who, String cycleId, Request r) {
        scope.require(who, cycleId, "contacts.universe.define");
        String name = blank(r.name());
        if (name == null || name.length() > 120) {
            throw new IllegalArgumentException("a universe needs a name of at most 120 characters");
        }
        Universe.Channel channel;
        try {
            channel = Universe.Channel.valueOf(
                    r.channel() == null ? "" : r.channel().trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the channel is PHONE, SMS or DOOR");
        }
        if (r.notContactedDays() != null && r.notContactedDays() <= 0) {
            throw new IllegalArgumentException("'not contacted in N days' needs N of at least 1");
        }
        List<String> tags = r.tags() == null
                ? List.of()
                : r.tags().stream().map(t -> t.trim().toLowerCase()).toList();
        long id = universes.create(
                cycleId,
                name,
                blank(r.districtId()),
                blank(r.precinct()),
                tags,
                r.notContactedDays(),
                channel,
                who.getUsername());
        long count = universes.count(universes.find(id).orElseThrow());
        audit.record(
                who.getUsername(),
                who.role().label(),
                "contacts.universe.define",
                "campaign " + cycleId,
                Outcome.DONE,
                "universe '" + name + "' holds " + count + " contacts now",
                null,
                new Saved(id, r, count));
        return new Result(id, count);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
