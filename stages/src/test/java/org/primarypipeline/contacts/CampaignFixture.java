package org.primarypipeline.contacts;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A campaign row (with the cycle, candidate and candidacy it needs) and contacts, for the contact tests. */
public final class CampaignFixture {

    private CampaignFixture() {}

    /** A campaign for the district's winner; the cycle id is {@code DISTRICT-CAMPAIGN-n}. */
    public static String campaign(JdbcClient jdbc, String districtId, int sequence) {
        String cycle = districtId + "-CAMPAIGN-" + sequence;
        String plan = jdbc.sql("select id from district_plan where is_current")
                .query(String.class)
                .optional()
                .orElseGet(() -> {
                    // a database without the public data: a plan of its own, as small as the tests need
                    jdbc.sql("insert into district_plan (id, name, is_current) values ('test', 'test', true)")
                            .update();
                    return "test";
                });
        jdbc.sql("insert into district (plan_id, id, state, number) values (?, ?, ?, ?) on conflict do nothing")
                .params(plan, districtId, districtId.substring(0, 2), Integer.parseInt(districtId.substring(3)))
                .update();
        jdbc.sql("""
                        insert into cycle (id, plan_id, district_id, sequence, status, stage, settings, created_by)
                        values (?, ?, ?, ?, 'COMPLETED', 'DONE', cast(? as jsonb), 'test')""")
                .params(cycle, plan, districtId, 900 + sequence, settings())
                .update();
        long candidate = jdbc.sql("insert into candidate (full_name) values (?) returning id")
                .param("Candidate of " + cycle)
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

    /** A contact with a phone (E.164), in a district and precinct, with tags. */
    public static long contact(
            JdbcClient jdbc,
            String cycle,
            String name,
            String phone,
            String district,
            String precinct,
            List<String> tags) {
        return jdbc.sql("""
                        insert into contact (cycle_id, full_name, phone, street, district_id, precinct, tags)
                        values (?, ?, ?, '1 Main St', ?, ?, cast(? as text[])) returning id""")
                .params(cycle, name, phone, district, precinct, "{" + String.join(",", tags) + "}")
                .query(Long.class)
                .single();
    }

    /** Settings the app can read back: a cycle row with unreadable settings breaks every cycle listing. */
    private static String settings() {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                    .writeValueAsString(org.primarypipeline.core.cycle.CycleSettings.defaults());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
