package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Events hosted by volunteers through the whole app (real HTTP, the members' and console chains,
 * PostgreSQL): a member proposes an event that waits out its review window and staff object to it; a
 * host staff trust publishes at once; anyone RSVPs without an account, once, confirmed by a one-time
 * link whose hash only is stored; a full shift is refused with a sentence; the host checks people in and
 * reports, which makes them a trusted host. Districts MI-01 to MI-03.
 */
class VolunteerEventsTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @Autowired
    CycleRepository cycles;

    @Autowired
    CandidacyRepository candidacies;

    @BeforeEach
    void freshLimits() {
        jdbc.sql("delete from member_sign_in").update();
    }

    @Test
    void aProposalWaitsOutItsReviewWindowAndAnObjectionStopsIt() throws Exception {
        campaign("MI-01");
        members.join("MI-01", "Rita Review", "rita.review@example.org", null);
        MemberBrowser rita = new MemberBrowser(base(), jdbc).signIn("rita.review@example.org");
        HttpResponse<String> door = rita.get("/events/new");
        assertThat(door.statusCode()).isEqualTo(303);
        assertThat(door.headers().firstValue("Location").orElseThrow()).endsWith("/me/events/new");
        HttpResponse<String> form = rita.get("/me/events/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("Host an event", "published 24 hours after you send it")
                .doesNotContain("<script");

        Map<String, String> wrong = proposal("", "abc");
        HttpResponse<String> refused = rita.form("/me/events/new", wrong);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains(
                        "id=\"name-error\">Give your event a title.", "id=\"zip-error\">Type a ZIP code of 5 digits.");
        assertThat(eventsOf("rita.review@example.org")).isEmpty();

        HttpResponse<String> proposed = rita.form("/me/events/new", proposal("Phone bank at Rita's", "48104"));
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(303);
        long event = eventsOf("rita.review@example.org").get(0);
        assertThat(proposed.headers().firstValue("Location").orElseThrow())
                .endsWith("/me/events/" + event + "/host?proposed=yes");
        assertThat(status(event)).isEqualTo("IN_REVIEW");
        assertThat(jdbc.sql("select publish_at > now() + interval '23 hours' from campaign_event where id = ?")
                        .param(event)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(new ConsoleHttp(base()).get("/events/" + event).statusCode()).isEqualTo(404);
        assertThat(rita.get("/me/events/" + event + "/host").body()).contains("waiting to be published");

        ConsoleHttp staff = new ConsoleHttp(base());
        staff.signIn("alice", password("alice"));
        String token = staff.csrf("/event-review");
        assertThat(staff.get("/event-review").body()).contains("Phone bank at Rita&#39;s");
        HttpResponse<String> objected =
                staff.form("/event-review/" + event + "/object", token, Map.of("reason", "Wrong date"));
        assertThat(objected.statusCode()).isEqualTo(302);
        assertThat(status(event)).isEqualTo("OBJECTED");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'event.objected' and target = ?")
                        .param(Long.toString(event))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        ConsoleHttp finance = new ConsoleHttp(base());
        finance.signIn("fiona", password("fiona"));
        assertThat(finance.get("/event-review").statusCode()).isEqualTo(403);
    }

    @Test
    void aTrustedHostPublishesAtOnceAndPeopleRsvpOnceConfirmByLinkAndAreCheckedIn() throws Exception {
        campaign("MI-02");
        long tom = members.join("MI-02", "Tom Trusted", "tom.trusted@example.org", null);
        ConsoleHttp staff = new ConsoleHttp(base());
        staff.signIn("alice", password("alice"));
        String token = staff.csrf("/event-review");
        assertThat(staff.form("/event-review/hosts/" + tom + "/trust", token, Map.of())
                        .statusCode())
                .isEqualTo(302);
        MemberBrowser host = new MemberBrowser(base(), jdbc).signIn("tom.trusted@example.org");
        assertThat(host.get("/me/events/new").body()).contains("published as soon as you send it");
        Map<String, String> fields = proposal("Canvass with Tom", "48104");
        fields.put("shift_1_start", "18:00");
        fields.put("shift_1_end", "19:00");
        fields.put("shift_1_capacity", "1");
        assertThat(host.form("/me/events/new", fields).statusCode()).isEqualTo(303);
        long event = eventsOf("tom.trusted@example.org").get(0);
        assertThat(status(event)).isEqualTo("PUBLISHED");
        long shift = jdbc.sql("select id from event_shift where event_id = ?")
                .param(event)
                .query(Long.class)
                .single();

        ConsoleHttp visitor = new ConsoleHttp(base());
        assertThat(visitor.get("/events?zip=48104").body()).contains("/events/" + event + "\">Canvass with Tom");
        HttpResponse<String> badZip = visitor.get("/events?zip=abc");
        assertThat(badZip.statusCode()).isEqualTo(400);
        assertThat(badZip.body()).contains("id=\"zip-error\">Type a ZIP code of 5 digits.");
        assertThat(new ConsoleHttp(base()).get("/events/" + event + "?lang=es").body())
                .contains("Elige un turno", "Guardar mi lugar");

        Map<String, String> rsvp =
                Map.of("shift", Long.toString(shift), "fullName", "Ann Attendee", "email", "ann.attendee@example.org");
        HttpResponse<String> held = visitor.form("/events/" + event + "/rsvp", null, rsvp);
        assertThat(held.statusCode()).isEqualTo(200);
        assertThat(held.body()).contains("Check your mail");
        assertThat(visitor.form("/events/" + event + "/rsvp", null, rsvp).statusCode())
                .isEqualTo(200);
        assertThat(count("select count(*) from event_rsvp where event_id = ?", event))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from outbox_message where template = 'event-rsvp-confirm' and recipient = 'ann.attendee@example.org'",
                        null))
                .isEqualTo(1);
        HttpResponse<String> full = visitor.form(
                "/events/" + event + "/rsvp",
                null,
                Map.of("shift", Long.toString(shift), "fullName", "Bo Late", "email", "bo.late@example.org"));
        assertThat(full.statusCode()).isEqualTo(400);
        assertThat(full.body()).contains("id=\"shift-error\">This shift is full.", "value=\"Bo Late\"");
        HttpResponse<String> noContact = visitor.form(
                "/events/" + event + "/rsvp", null, Map.of("shift", Long.toString(shift), "fullName", "Cy"));
        assertThat(noContact.body()).contains("id=\"email-error\">Give an email or a mobile number");

        String link = jdbc.sql(
                        "select model ->> 'confirmUrl' from outbox_message where template = 'event-rsvp-confirm' and recipient = 'ann.attendee@example.org'")
                .query(String.class)
                .single();
        String path = URI.create(link).getPath();
        byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest(path.substring(path.lastIndexOf('/') + 1).getBytes(StandardCharsets.UTF_8));
        assertThat(count("select count(*) from event_rsvp where confirm_token_hash = ?", hash))
                .isEqualTo(1);
        assertThat(visitor.get(path).body()).contains("Confirm my place");
        assertThat(rsvpStatus("ann.attendee@example.org")).isEqualTo("PENDING");
        assertThat(visitor.form(path, null, Map.of()).body()).contains("You are coming");
        assertThat(visitor.form(path, null, Map.of()).statusCode()).isEqualTo(200);
        assertThat(rsvpStatus("ann.attendee@example.org")).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql(
                                "select model -> '_attachments' -> 0 ->> 'text' from outbox_message where template = 'event-confirmed' and recipient = 'ann.attendee@example.org'")
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .contains("BEGIN:VCALENDAR", "SUMMARY:Canvass with Tom");

        long rsvpId = jdbc.sql("select id from event_rsvp where email = 'ann.attendee@example.org'")
                .query(Long.class)
                .single();
        assertThat(host.get("/me/events/" + event + "/host").body()).contains("Ann Attendee", "confirmed");
        MemberBrowser stranger = new MemberBrowser(base(), jdbc).signIn(strangerEmail());
        assertThat(stranger.get("/me/events/" + event + "/host").statusCode()).isEqualTo(404);
        assertThat(host.form("/me/events/" + event + "/check-in", Map.of("rsvp", Long.toString(rsvpId)))
                        .statusCode())
                .isEqualTo(303);
        assertThat(count("select count(*) from event_rsvp where id = ? and checked_in_at is not null", rsvpId))
                .isEqualTo(1);
        HttpResponse<String> early = host.form("/me/events/" + event + "/report", Map.of("attended", "1"));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("once the event has started");
        jdbc.sql(
                        "update campaign_event set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = ?")
                .param(event)
                .update();
        HttpResponse<String> wrongCount =
                host.form("/me/events/" + event + "/report", Map.of("attended", "1", "calls", "many"));
        assertThat(wrongCount.body()).contains("id=\"calls-error\">Type a whole number");
        assertThat(host.form(
                                "/me/events/" + event + "/report",
                                Map.of("attended", "1", "calls", "40", "doors", "0", "texts", "3"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(jdbc.sql("select status || ':' || attended || ':' || calls_made from campaign_event where id = ?")
                        .param(event)
                        .query(String.class)
                        .single())
                .isEqualTo("REPORTED:1:40");
    }

    @Test
    void aReportWithAttendanceMakesTheHostTrustedSoTheirNextEventPublishesAtOnce() throws Exception {
        campaign("MI-03");
        long una = members.join("MI-03", "Una Untrusted", "una.untrusted@example.org", null);
        MemberBrowser host = new MemberBrowser(base(), jdbc).signIn("una.untrusted@example.org");
        assertThat(host.form("/me/events/new", proposal("House party at Una's", "48104"))
                        .statusCode())
                .isEqualTo(303);
        long first = eventsOf("una.untrusted@example.org").get(0);
        assertThat(status(first)).isEqualTo("IN_REVIEW");
        // the review window passed (EventWorkflowTest waits it out in skipped time)
        jdbc.sql(
                        "update campaign_event set status = 'PUBLISHED', starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' where id = ?")
                .param(first)
                .update();
        assertThat(host.form("/me/events/" + first + "/report", Map.of("attended", "6"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(jdbc.sql("select reason from trusted_host where member_id = ?")
                        .param(una)
                        .query(String.class)
                        .single())
                .isEqualTo("REPORTED_EVENT");
        assertThat(host.form("/me/events/new", proposal("Second party at Una's", "48104"))
                        .statusCode())
                .isEqualTo(303);
        long second = eventsOf("una.untrusted@example.org").get(1);
        assertThat(status(second)).isEqualTo("PUBLISHED");
    }

    private String strangerEmail() throws Exception {
        members.join("MI-02", "Sam Stranger", "sam.stranger@example.org", null);
        return "sam.stranger@example.org";
    }

    private Map<String, String> proposal(String title, String zip) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "PHONE_BANK");
        fields.put("name", title);
        fields.put("description", "Calls for our candidate.");
        fields.put(
                "date", LocalDate.now(ZoneId.of("America/Detroit")).plusDays(5).toString());
        fields.put("start", "18:00");
        fields.put("end", "20:00");
        fields.put("locationName", "Community room");
        fields.put("address", "12 Main St, Ann Arbor");
        fields.put("zip", zip);
        fields.put("videoUrl", "");
        return fields;
    }

    private void campaign(String district) {
        if (count("select count(*) from campaign where district_id = '" + district + "'", null) > 0) {
            return;
        }
        String plan = jdbc.sql("select id from district_plan where is_current")
                .query(String.class)
                .single();
        CycleRecord cycle = cycles.create(plan, district, CycleSettings.defaults(), "alice", Instant.now());
        long candidacy = candidacies.nominate(cycle.id(), "Jo Park", "jo.park." + district + "@example.org", null);
        jdbc.sql("insert into campaign (cycle_id, district_id, candidacy_id) values (?, ?, ?)")
                .params(cycle.id(), district, candidacy)
                .update();
    }

    private List<Long> eventsOf(String email) {
        return jdbc.sql(
                        "select e.id from campaign_event e join member m on m.id = e.host_member_id where m.email = ? order by e.id")
                .param(email)
                .query(Long.class)
                .list();
    }

    private String status(long event) {
        return jdbc.sql("select status from campaign_event where id = ?")
                .param(event)
                .query(String.class)
                .single();
    }

    private String rsvpStatus(String email) {
        return jdbc.sql("select status from event_rsvp where email = ?")
                .param(email)
                .query(String.class)
                .single();
    }

    private int count(String sql, Object param) {
        var statement = jdbc.sql(sql);
        if (param != null) {
            statement = statement.param(param);
        }
        return statement.query(Integer.class).single();
    }
}
