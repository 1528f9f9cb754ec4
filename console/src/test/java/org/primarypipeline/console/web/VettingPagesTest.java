package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.nominations.AcceptanceForm;
import org.primarypipeline.nominations.NominationForm;
import org.primarypipeline.nominations.Nominations;
import org.primarypipeline.vetting.PledgeRepository;
import org.primarypipeline.vetting.PledgeSigning;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * The staff side of vetting over HTTP: a candidate's timeline (what was sent when, what they did), the
 * nominations list, publishing a pledge version (a signed one is frozen by the database) and recording
 * a signature's withdrawal, which takes the candidate off the open ballot.
 */
class VettingPagesTest extends ConsoleTestSupport {

    @Autowired
    CycleRepository cycles;

    @Autowired
    Nominations nominations;

    @Autowired
    PledgeRepository pledge;

    private String token(String template, String recipient, String field) {
        String url = jdbc.sql(
                        "select model ->> ? from outbox_message where template = ? and recipient = ? order by id desc limit 1")
                .params(field, template, recipient)
                .query(String.class)
                .single();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void staffSeeTheCandidateTimelinePublishAPledgeVersionAndRecordAWithdrawal() throws Exception {
        CycleRecord cycle = cycles.create("cd2026", "NH-02", CycleSettings.defaults(), "alice", Instant.now());
        cycles.enterStage(
                cycle.id(),
                CycleStage.NOMINATION_WINDOW,
                Instant.now().plus(Duration.ofDays(10)),
                0,
                "nominations open",
                "nominations-open");
        nominations.submit(
                cycle.id(),
                new NominationForm(true, "Rae Vetted", "rae@example.org", null, null, null, "Twenty years a nurse", ""),
                "192.0.2.7");
        nominations.confirm(token("nomination-confirm", "rae@example.org", "confirmUrl"));
        long candidacy = nominations
                .accept(
                        token("candidate-invitation", "rae@example.org", "acceptUrl"),
                        new AcceptanceForm(
                                "1970-05-05",
                                "56",
                                "yes",
                                "Rae Vetted",
                                null,
                                "Care for all.",
                                "",
                                new PledgeSigning.SignatureForm(
                                        pledge.current().contentHash(), "Rae Vetted", true, "192.0.2.7", "test")))
                .candidacyId();

        ConsoleHttp alice = new ConsoleHttp(base());
        alice.signIn("alice", password("alice"));
        HttpResponse<String> page = alice.get("/cycles/" + cycle.id() + "/candidacies/" + candidacy);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "Rae Vetted",
                        "Care for all.",
                        "Timeline: what was sent, what they did",
                        "SUBMITTED",
                        "CONFIRMED",
                        "ACCEPTED",
                        "ELIGIBILITY_CONFIRMED",
                        "PLEDGE_SIGNED",
                        "SENT confirm",
                        "SENT received",
                        "SENT invitation",
                        "SENT pledge-copy",
                        "candidate-invitation to rae@example.org",
                        "192.0.2.7",
                        pledge.current().contentHash(),
                        "Twenty years a nurse");
        assertThat(alice.get("/cycles/" + cycle.id() + "/nominations").body())
                .contains("Rae Vetted", "accepted", "/cycles/" + cycle.id() + "/candidacies/" + candidacy);

        // version 1 is signed now: the database refuses to change it; staff publish version 2 instead
        assertThatThrownBy(() -> jdbc.sql("update pledge_version set body = 'changed' where version = 1")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("has been signed and cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("delete from pledge_signature").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("never deleted");
        String csrf = alice.csrf("/pledge");
        HttpResponse<String> published = alice.form(
                "/pledge",
                csrf,
                Map.of(
                        "title",
                        "The pledge, 2027",
                        "principles",
                        "People over donors",
                        "body",
                        "I pledge to answer to my district group."));
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(pledge.current().version()).isEqualTo(2);
        assertThat(alice.get("/pledge").body()).contains("Version 2: The pledge, 2027", "Published pledge version 2");
        // the candidate signed version 1, which is no longer current: not signed up to the current pledge
        assertThat(alice.get("/cycles/" + cycle.id() + "/candidacies/" + candidacy)
                        .body())
                .contains("Pledge (current version): not signed");

        ConsoleHttp otto = new ConsoleHttp(base());
        otto.signIn("otto", password("otto"));
        HttpResponse<String> denied =
                otto.form("/pledge", otto.csrf("/pledge"), Map.of("title", "x", "principles", "y", "body", "z"));
        assertThat(denied.statusCode()).isEqualTo(403);

        long candidate = jdbc.sql("select candidate_id from candidacy where id = ?")
                .param(candidacy)
                .query(Long.class)
                .single();
        HttpResponse<String> withdrawn = alice.form(
                "/candidates/" + candidate + "/pledge/withdraw",
                alice.csrf("/pledge"),
                Map.of("reason", "asked by phone", "back", "/cycles/" + cycle.id() + "/candidacies/" + candidacy));
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select status from candidacy where id = ?")
                        .param(candidacy)
                        .query(String.class)
                        .single())
                .isEqualTo("WITHDRAWN");
        assertThat(alice.get("/cycles/" + cycle.id() + "/candidacies/" + candidacy)
                        .body())
                .contains("PLEDGE_WITHDRAWN", "asked by phone");
        assertThat(jdbc.sql(
                                "select count(*) from audit_log where action in ('pledge.publish', 'pledge.withdraw') and outcome = 'DONE'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }
}
