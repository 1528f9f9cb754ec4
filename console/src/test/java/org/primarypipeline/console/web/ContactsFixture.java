package org.primarypipeline.console.web;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A campaign (with its cycle, candidate and candidacy) and contacts for the console's contact tests. */
final class ContactsFixture {

    private ContactsFixture() {}

    static String campaign(JdbcClient jdbc, String districtId, String suffix) {
        String cycle = districtId + "-CAMPAIGN-" + suffix;
        String plan = jdbc.sql("select id from district_plan where is_current")
                .query(String.class)
                .single();
        int sequence = 900 + Math.abs(suffix.hashCode() % 90);
        jdbc.sql("""
                        insert into cycle (id, plan_id, district_id, sequence, status, stage, settings, created_by)
                        values (?, ?, ?, ?, 'COMPLETED', 'DONE', cast(? as jsonb), 'test')""")
                .params(cycle, plan, districtId, sequence, CampaignFixture.settings())
                .update();
        long candidate = jdbc.sql("insert into candidate (full_name) values ('Casey Candidate') returning id")
                .query(Long.class)
                .single();
        long candidacy =
                jdbc.sql("""
                        insert into candidacy (cycle_id, candidate_id, source, status) values (?, ?, 'DECLARED', 'APPROVED')
                        returning id""").params(cycle, candidate).query(Long.class).single();
        jdbc.sql("insert into campaign (cycle_id, district_id, candidacy_id) values (?, ?, ?)")
                .params(cycle, districtId, candidacy)
                .update();
        return cycle;
    }

    static long contact(JdbcClient jdbc, String cycle, String name, String phone, String district, String precinct) {
        return jdbc.sql("""
                        insert into contact (cycle_id, full_name, phone, street, district_id, precinct)
                        values (?, ?, ?, '1 Main St', ?, ?) returning id""")
                .params(cycle, name, phone, district, precinct)
                .query(Long.class)
                .single();
    }
}
