package org.primarypipeline.console.campaigns;

import java.util.List;
import org.primarypipeline.campaigns.OrganizerDistricts;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.stereotype.Component;

/**
 * Who may act on a campaign: staff by their role's right, an organizer only in a district an admin
 * granted them ({@code organizer_district}). A refusal goes through {@link Permissions}, so it is audited
 * and answered 403 like every other; it comes before anything about the campaign is read, except its
 * district.
 */
@Component
public class CampaignAccess {

    private final Permissions permissions;
    private final OrganizerDistricts organizers;

    public CampaignAccess(Permissions permissions, OrganizerDistricts organizers) {
        this.permissions = permissions;
        this.organizers = organizers;
    }

    /**
     * Passes when the account has {@code staffRight}, or organizes {@code districtId}; else refused.
     * {@code districtId} is null for an unknown campaign: only the staff right passes then.
     */
    public void require(StaffUser who, Right staffRight, String action, String target, String districtId) {
        if (who != null
                && !who.can(staffRight)
                && who.can(Right.ORGANIZE)
                && districtId != null
                && organizers.covers(who.id(), districtId)) {
            return;
        }
        permissions.require(who, staffRight, action, target);
    }

    /** The districts whose campaigns the account may list: null for every one (staff). */
    public List<String> listable(StaffUser who) {
        if (who != null && who.can(Right.VIEW)) {
            return null;
        }
        if (who != null && who.can(Right.ORGANIZE)) {
            return organizers.of(who.id());
        }
        permissions.require(who, Right.VIEW, "page.campaigns", "");
        return List.of();
    }
}
