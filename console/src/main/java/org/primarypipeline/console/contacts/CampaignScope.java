package org.primarypipeline.console.contacts;

import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may organize a campaign's voter contact: staff who steer cycles, everywhere; and a console account
 * listed in {@code organizer_district} for the campaign's district (the organizer role of issue 22), there
 * only. A refusal is audited as denied, and comes before anything about the campaign is looked up for
 * someone who may not steer cycles (an unknown campaign is refused like another district's).
 */
@Component
public class CampaignScope {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public CampaignScope(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Whether the account may organize in the district. */
    public boolean may(StaffUser who, String districtId) {
        if (who == null) {
            return false;
        }
        if (who.can(Right.STEER_CYCLES)) {
            return true;
        }
        return districtId != null
                && jdbc.sql("select count(*) > 0 from organizer_district where console_user_id = ? and district_id = ?")
                        .params(who.id(), districtId)
                        .query(Boolean.class)
                        .single();
    }

    /** The campaign's district, once the account is allowed there; refused (403, audited) otherwise. */
    public String require(StaffUser who, String cycleId, String action) {
        String district = jdbc.sql("select district_id from campaign where cycle_id = ?")
                .param(cycleId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (may(who, district)) {
            if (district == null) {
                throw new IllegalArgumentException("no campaign for cycle " + cycleId);
            }
            return district;
        }
        String role = who == null ? null : who.role().label();
        audit.record(
                who == null ? "anonymous" : who.getUsername(),
                role,
                action,
                "campaign " + cycleId,
                Outcome.DENIED,
                "not an organizer of this campaign's district",
                null,
                null);
        throw new AccessDeniedException("only staff or an organizer of the campaign's district may do this");
    }
}
