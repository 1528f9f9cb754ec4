package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pledge vetting invites the Democrats the FEC lists as running for the seat beside the sitting member;
 * staff, having reached one, record their eligibility answers (checked, refused with the reason when
 * ineligible, denied to roles without the right).
 */
class DeclaredCandidatesInvitedTest extends ConsoleTestSupport {

    @Test
    void declaredCandidatesAreInvitedAndStaffRecordTheirEligibility() throws Exception {
        ConsoleHttp http = new ConsoleHttp(base());
        assertThat(http.api("POST", "/api/cycles", "alice", "{\"district\":\"AK-01\"}")
                        .statusCode())
                .isEqualTo(201);
        String cycle = jdbc.sql("select id from cycle where district_id = 'AK-01' order by created_at desc limit 1")
                .query(String.class)
                .single();
        awaitStarted(cycle);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from candidacy where cycle_id = ? and source = 'DECLARED'")
                                .param(cycle)
                                .query(Integer.class)
                                .single()
                        > 0);

        List<String> declared = jdbc.sql("""
                select k.full_name from candidacy c join candidate k on k.id = c.candidate_id
                where c.cycle_id = ? and c.source = 'DECLARED' order by k.full_name
                """).param(cycle).query(String.class).list();
        assertThat(declared).contains("Mary Peltola").doesNotContain("Christopher Constant");
        assertThat(jdbc.sql("select count(*) from candidacy where cycle_id = ? and source = 'SITTING_MEMBER'")
                        .param(cycle)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "select count(*) from cycle_event where cycle_id = ? and detail like '%declared candidate, FEC%'")
                        .param(cycle)
                        .query(Integer.class)
                        .single())
                .isEqualTo(declared.size());

        long peltola = jdbc.sql("""
                select c.id from candidacy c join candidate k on k.id = c.candidate_id
                where c.cycle_id = ? and k.full_name = 'Mary Peltola'
                """).param(cycle).query(Long.class).single();
        String path = "/api/cycles/" + cycle + "/candidacies/" + peltola + "/eligibility";

        assertThat(http.api(
                                "POST",
                                path,
                                "fiona",
                                "{\"dateOfBirth\":\"1973-08-31\",\"citizenYears\":\"52\",\"inhabitant\":\"yes\"}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> young = http.api(
                "POST",
                path,
                "alice",
                "{\"dateOfBirth\":\"2010-01-01\",\"citizenYears\":\"16\",\"inhabitant\":\"yes\"}");
        assertThat(young.statusCode()).isEqualTo(400);
        assertThat(young.body()).contains("25");
        assertThat(eligibilityConfirmed(peltola)).isFalse();

        assertThat(http.api(
                                "POST",
                                path,
                                "alice",
                                "{\"dateOfBirth\":\"1973-08-31\",\"citizenYears\":\"52\",\"inhabitant\":\"yes\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(eligibilityConfirmed(peltola)).isTrue();
    }

    private boolean eligibilityConfirmed(long candidacy) {
        return jdbc.sql("select eligibility_confirmed_at is not null from candidacy where id = ?")
                .param(candidacy)
                .query(Boolean.class)
                .single();
    }
}
