package org.primarypipeline.console.contacts;

import java.util.List;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.contacts.Turfs;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organizer's REST doors to canvassing: cut turfs, list them, check one out to a volunteer. */
@RestController
@RequestMapping("/api/campaigns/{cycleId}")
public class CanvassController {

    /** A turf as listed: its doors, district, boundary (WKT) and who walks it. */
    public record TurfRow(
            long id,
            long cutId,
            String cut,
            int number,
            String districtId,
            int doors,
            Long checkedOutTo,
            String boundary) {}

    private final CutTurf cutTurf;
    private final CheckOutTurf checkOutTurf;
    private final CampaignScope scope;
    private final Turfs turfs;

    public CanvassController(CutTurf cutTurf, CheckOutTurf checkOutTurf, CampaignScope scope, Turfs turfs) {
        this.cutTurf = cutTurf;
        this.checkOutTurf = checkOutTurf;
        this.scope = scope;
        this.turfs = turfs;
    }

    @PostMapping("/turf-cuts")
    public CutTurf.Result cut(
            @PathVariable String cycleId,
            @RequestBody CutTurf.Request request,
            @AuthenticationPrincipal StaffUser who) {
        return cutTurf.perform(who, cycleId, request);
    }

    @GetMapping("/turfs")
    public List<TurfRow> turfs(@PathVariable String cycleId, @AuthenticationPrincipal StaffUser who) {
        scope.require(who, cycleId, "contacts.turf.list");
        return turfs.ofCampaign(cycleId).stream()
                .map(t -> new TurfRow(
                        t.id(),
                        t.cutId(),
                        t.cutName(),
                        t.number(),
                        t.districtId(),
                        t.doors(),
                        t.checkedOutTo(),
                        t.boundary()))
                .toList();
    }

    @PostMapping("/turfs/{turfId}/checkout")
    public CheckOutTurf.Result checkOut(
            @PathVariable String cycleId,
            @PathVariable long turfId,
            @RequestBody CheckOutTurf.Request request,
            @AuthenticationPrincipal StaffUser who) {
        return checkOutTurf.perform(who, cycleId, turfId, request);
    }
}
