package org.primarypipeline.campaigns;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which districts an organizer's console account covers ({@code organizer_district}). */
@Component
public class OrganizerDistricts {

    private final JdbcClient jdbc;

    public OrganizerDistricts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> of(long consoleUserId) {
        return jdbc.sql("select district_id from organizer_district where console_user_id = ? order by district_id")
                .param(consoleUserId)
                .query(String.class)
                .list();
    }

    public boolean covers(long consoleUserId, String districtId) {
        return jdbc.sql("select count(*) from organizer_district where console_user_id = ? and district_id = ?")
                        .params(consoleUserId, districtId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Grants the districts; true for each one that was new. */
    public int grant(long consoleUserId, List<String> districtIds, String grantedBy) {
        int added = 0;
        for (String d : districtIds) {
            added += jdbc.sql("""
                    insert into organizer_district (console_user_id, district_id, granted_by) values (?, ?, ?)
                    on conflict do nothing
                    """).params(consoleUserId, d, grantedBy).update();
        }
        return added;
    }

    public int revoke(long consoleUserId, String districtId) {
        return jdbc.sql("delete from organizer_district where console_user_id = ? and district_id = ?")
                .params(consoleUserId, districtId)
                .update();
    }
}
