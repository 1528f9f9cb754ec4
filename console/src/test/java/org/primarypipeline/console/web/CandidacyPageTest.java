package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The candidacy page through the whole app: a pledge staff typed in under another name than the
 * candidacy's is flagged on the vetting checklist and shown on the timeline under the staff member's
 * name; eligibility taken on the page reads as labelled lines; a refused approval comes back to the
 * candidacy page with the boxes as they were ticked.
 */
class CandidacyPageTest extends ConsoleTestSupport {

    @Test
    void aTypedNameThatDiffersIsFlaggedAndStaffActOnTheCandidatesBehalfFromThePage() throws Exception {
        ConsoleHttp http = new ConsoleHttp(base());
        HttpResponse<String> launched = http.api("POST", "/api/cycles", "alice", "{\"district\":\"MT-02\"}");
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        String cycle = new ObjectMapper().readTree(launched.body()).path("id").asText();
        awaitStarted(cycle);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from candidacy where cycle_id = ? and source = 'SITTING_MEMBER'")
                                .param(cycle)
                                .query(Integer.class)
                                .single()
                        > 0);
        long candidacy = jdbc.sql("select id from candidacy where cycle_id = ? and source = 'SITTING_MEMBER'")
                .param(cycle)
                .query(Long.class)
                .single();
        String name = jdbc.sql(
                        "select k.full_name from candidacy c join candidate k on k.id = c.candidate_id where c.id = ?")
                .param(candidacy)
                .query(String.class)
                .single();
        String typed = name.substring(0, name.length() - 1); // a letter short, as typed in a hurry

        HttpResponse<String> signed = http.api(
                "POST",
                "/api/cycles/" + cycle + "/candidacies/" + candidacy + "/pledge",
                "alice",
                "{\"typedName\":\"" + typed + "\"}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(jdbc.sql("select actor from cycle_event where cycle_id = ? and kind = 'PLEDGE_SIGNED'")
                        .param(cycle)
                        .query(String.class)
                        .single())
                .isEqualTo("alice on behalf of " + name);

        ConsoleHttp alice = new ConsoleHttp(base());
        alice.signIn("alice", password("alice"));
        String page = "/cycles/" + cycle + "/candidacies/" + candidacy;
        String html = alice.get(page).body();
        assertThat(html)
                .contains("id=\"name-mismatch\"", "signed as “" + typed + "”", "the candidacy is “" + name + "”");

        HttpResponse<String> eligibility = alice.form(
                page + "/eligibility",
                alice.csrf(page),
                Map.of("dateOfBirth", "1970-03-04", "citizenYears", "50", "inhabitant", "yes"));
        assertThat(eligibility.statusCode()).isEqualTo(302);
        html = alice.get(page).body();
        assertThat(html).contains("<dt>Date of birth</dt><dd>4 March 1970", "<dt>Lives in the state</dt><dd>yes</dd>");
        assertThat(html).doesNotContain("{&quot;dateOfBirth", "{\"dateOfBirth");

        // two of three boxes ticked: refused, and back on this page with the two still ticked
        HttpResponse<String> approve = alice.form(
                "/cycles/" + cycle + "/review",
                alice.csrf(page),
                Map.of(
                        "candidacyId", Long.toString(candidacy),
                        "verdict", "APPROVE",
                        "back", "candidacy",
                        "referencesContacted", "yes",
                        "publicRecordChecked", "yes"));
        assertThat(approve.statusCode()).isEqualTo(302);
        assertThat(approve.headers().firstValue("Location").orElse("")).endsWith(page);
        html = alice.get(page).body();
        assertThat(html)
                .contains("checklist is not complete")
                .contains("name=\"referencesContacted\" value=\"yes\" checked")
                .contains("name=\"publicRecordChecked\" value=\"yes\" checked")
                .doesNotContain("name=\"fecFilingsLookedUp\" value=\"yes\" checked");
    }
}
