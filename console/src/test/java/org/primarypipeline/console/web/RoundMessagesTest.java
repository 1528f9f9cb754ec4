package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.primarypipeline.certification.CertificationActivities;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.cycles.CycleLedgerActivities;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.templates.MessageTexts;
import org.primarypipeline.templates.TemplateRenderer;
import org.primarypipeline.voting.BallotAccess;
import org.primarypipeline.voting.BallotActivities;
import org.primarypipeline.voting.BallotFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The messages that carry a round, queued by the cycle's real activities in the whole app: the call for
 * nominations to every member of the group, the reminder only to members whose units reach no ballot
 * (once), the certified result to everyone with the public results page, and a cancelled round explained,
 * its ballot links saying so. Every queued message renders in the member's language with the group's
 * flow rule.
 */
class RoundMessagesTest extends ConsoleTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ApplicationContext app;

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void aRoundCallsRemindsOnlyTheUnreachedAndAnnouncesTheCertifiedResult() throws Exception {
        BallotFixture.Round round = new BallotFixture(app::getBean)
                .votingRound("NH-01", CycleSettings.defaults(), "Ana Round", "Ben Round");
        long voter = round.join("Vera Voter");
        long trusting = round.join("Tom Trusting");
        long circleA = round.join("Cai Circle");
        long idle = round.join("Ida Idle");
        jdbc.sql("update member set locale = 'es' where id = ?").param(idle).update();
        round.proxies(trusting, new MemberRepository.ProxyChoice(voter, 10));
        round.proxies(circleA, new MemberRepository.ProxyChoice(idle, 10));

        CycleLedgerActivities ledger = app.getBean(CycleLedgerActivities.class);
        ledger.enterStage(
                round.cycleId, CycleStage.NOMINATION_WINDOW, Instant.now().plus(Duration.ofDays(7)), 0, "open");
        ledger.enterStage(
                round.cycleId, CycleStage.NOMINATION_WINDOW, Instant.now().plus(Duration.ofDays(8)), 0, "extended");
        Map<String, Map<String, Object>> calls = queued(round.cycleId, "call-for-nominations");
        assertThat(calls).hasSize(4).containsKeys("vera.voter@nh-01.example.org", "ida.idle@nh-01.example.org");
        assertThat((String) calls.get("vera.voter@nh-01.example.org").get("nominateUrl"))
                .endsWith("/nominate/" + round.cycleId);
        ledger.enterStage(round.cycleId, CycleStage.VOTING_ROUND, Instant.now().plus(Duration.ofDays(7)), 0, "vote");

        round.open();
        round.cast(voter, round.nominees.get(0));
        BallotActivities ballots = app.getBean(BallotActivities.class);
        assertThat(ballots.remind(round.cycleId)).isEqualTo(2);
        assertThat(ballots.remind(round.cycleId))
                .as("once per member and deadline")
                .isZero();
        Map<String, Map<String, Object>> reminders = queued(round.cycleId, "voting-reminder");
        // the voter voted, the trusting member's units reach the voter; the circle's reach nobody
        assertThat(reminders.keySet())
                .containsExactlyInAnyOrder("cai.circle@nh-01.example.org", "ida.idle@nh-01.example.org");
        assertThat(reminders.get("ida.idle@nh-01.example.org")).containsEntry("locale", "es");

        long winner = round.countAndClose().winnerCandidacyId();
        app.getBean(CertificationActivities.class).certify(round.cycleId, winner, List.of("alice", "bob"));
        Map<String, Map<String, Object>> results = queued(round.cycleId, "cycle-result");
        assertThat(results).hasSize(4);
        assertThat(results.get("tom.trusting@nh-01.example.org"))
                .containsEntry("winnerName", "Ana Round")
                .containsEntry("liquid", false);
        assertThat((String) results.get("tom.trusting@nh-01.example.org").get("resultUrl"))
                .endsWith("/results/" + round.cycleId);

        for (Map<String, Map<String, Object>> sent : List.of(calls, reminders, results)) {
            sent.forEach((to, model) -> {
                String language = (String) model.get("locale");
                String text = renderer.render(templateOf(sent, calls, reminders), model)
                        .text();
                assertThat(text).as(to).contains(MessageTexts.flowRule(language, false));
            });
        }
        assertThat(renderer.render("cycle-result", results.get("ida.idle@nh-01.example.org"))
                        .text())
                .contains("los miembros han elegido a Ana Round");
    }

    @Test
    void aCancelledRoundIsExplainedAndItsBallotLinksSaySo() throws Exception {
        BallotFixture.Round round =
                new BallotFixture(app::getBean).votingRound("RI-01", CycleSettings.defaults(), "Cy Cancel");
        long member = round.join("Mo Member");
        round.open();
        String url = app.getBean(BallotAccess.class)
                .issueReminderLinks(round.cycleId, List.of(member))
                .get(0)
                .url();
        app.getBean(CycleLedgerActivities.class)
                .finish(round.cycleId, CycleStatus.CANCELLED, "cancelled by alice: wrong district");

        Map<String, Object> ended = queued(round.cycleId, "round-ended").get("mo.member@ri-01.example.org");
        assertThat(ended).containsEntry("cancelled", true);
        String text = renderer.render("round-ended", ended).text();
        assertThat(text).contains("cancelled the round in RI-01").doesNotContain("wrong district");

        HttpResponse<String> link = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(base() + URI.create(url).getRawPath()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(link.statusCode()).isEqualTo(410);
        assertThat(link.body())
                .contains("This round was cancelled")
                .contains("/results/" + round.cycleId)
                .doesNotContain("Once it is counted");
    }

    private static String templateOf(
            Map<String, Map<String, Object>> sent,
            Map<String, Map<String, Object>> calls,
            Map<String, Map<String, Object>> reminders) {
        return sent == calls ? "call-for-nominations" : sent == reminders ? "voting-reminder" : "cycle-result";
    }

    /** The queued messages of this template for the cycle, by recipient, with their models. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> queued(String cycleId, String template) throws Exception {
        Map<String, Map<String, Object>> byRecipient = new TreeMap<>();
        for (Map<String, Object> row : jdbc.sql("""
                        select recipient, model::text as model from outbox_message
                        where template = ? and dedup_key like ?""")
                .params(template, "cycle:" + cycleId + ":" + template + ":member:%")
                .query()
                .listOfRows()) {
            byRecipient.put((String) row.get("recipient"), JSON.readValue((String) row.get("model"), Map.class));
        }
        return byRecipient;
    }
}
