package org.primarypipeline.console.contacts;

import java.util.Map;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.contacts.Turfs;
import org.springframework.stereotype.Service;

/**
 * An organizer hands a turf of the campaign to a volunteer (a member, by email or id), who then walks it at
 * {@code /me/walk/{turf}}. Checking it out again to someone else takes it back from the first: their
 * answers already sent stay, later ones are refused.
 */
@Service
public class CheckOutTurf {

    public record Request(Long memberId, String email) {}

    public record Result(long turfId, long memberId, String walkUrl) {}

    private final CampaignScope scope;
    private final Turfs turfs;
    private final AuditLog audit;

    public CheckOutTurf(CampaignScope scope, Turfs turfs, AuditLog audit) {
        this.scope = scope;
        this.turfs = turfs;
        this.audit = audit;
    }

    public Result perform(StaffUser who, String cycleId, long turfId, Request r) {
        scope.require(who, cycleId, "contacts.turf.checkout");
        Turfs.Turf turf = turfs.turf(turfId)
                .filter(t -> t.cycleId().equals(cycleId))
                .orElseThrow(() -> new IllegalArgumentException("no turf " + turfId + " in this campaign"));
        Long member = r.memberId() != null
                ? turfs.member(r.memberId())
                : r.email() == null ? null : turfs.memberByEmail(r.email().trim());
        if (member == null) {
            throw new IllegalArgumentException("no member with that id or email: a volunteer signs in as a member");
        }
        turfs.checkOut(turf.id(), member, who.getUsername());
        audit.record(
                who.getUsername(),
                who.role().label(),
                "contacts.turf.checkout",
                "turf " + turf.id(),
                Outcome.DONE,
                "turf " + turf.number() + " of '" + turf.cutName() + "' checked out to member " + member,
                turf.checkedOutTo() == null ? null : Map.of("member", turf.checkedOutTo()),
                Map.of("member", member));
        return new Result(turf.id(), member, "/me/walk/" + turf.id());
    }
}
