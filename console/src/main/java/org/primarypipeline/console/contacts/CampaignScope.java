package org.primarypipeline.console.contacts;

import org.primarypipeline.console.campaigns.CampaignAccess;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may organize a campaign's voter contact: the campaign's district resolved from its cycle, then the
 * one campaign rule ({@link CampaignAccess}): staff who steer cycles everywhere, an organizer in the
 * districts granted. A refusal is audited and answered 403; an unknown campaign is refused like another
 * district's.
 */
@Component
public class CampaignScope {

    private final JdbcClient jdbc;
    private final CampaignAccess access;

    public CampaignScope(JdbcClient jdbc, CampaignAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** Whether the account may organize in the district. */
    public boolean may(StaffUser who, String districtId) {
        return access.may(who, Right.STEER_CYCLES, districtId);
    }

    /** The campaign's district, once the account is allowed there; refused (403, audited) otherwise. */
    public String require(StaffUser who, String cycleId, String action) {
        String district = jdbc.sql("select district_id from campaign where cycle_id = ?")
                .param(cycleId)
                .query(String.class)
                .optional()
                .orElse(null);
        access.require(who, Right.STEER_CYCLES, action, "campaign " + cycleId, district);
        if (district == null) {
            throw new IllegalArgumentException("no campaign for cycle " + cycleId);
        }
        return district;
    }
}
