package org.primarypipeline.campaigns.events;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether a console account organizes a district ({@code organizer_district}, V116): the scope of the
 * organizer role. Staff who steer cycles need no row; the role check stays with the command.
 */
@Service
public class DistrictScope {

    private final JdbcClient jdbc;

    public DistrictScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean organizes(long consoleUserId, String districtId) {
        return jdbc.sql("select count(*) from organizer_district where console_user_id = ? and district_id = ?")
                        .params(consoleUserId, districtId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** True when the account organizes at least one district. */
    public boolean organizesAny(long consoleUserId) {
        return jdbc.sql("select count(*) from organizer_district where console_user_id = ?")
                        .param(consoleUserId)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
