package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.voting.BallotFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The public results page through the whole app: a counted round shows its winner, each round's
 * units with the elimination and the transfer, where the units went, the chain head with a receipt
 * check and the audit bundle, in English and Spanish, with no script and the public CSP, naming no
 * member. A round not counted, a cancelled one and an unknown cycle each say so.
 */
class ResultsPageTest extends ConsoleTestSupport {

    @Autowired
    ApplicationContext app;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCountedRoundShowsItsCountAndNamesOnlyNominees() throws Exception {
        BallotFixture.Round round = new BallotFixture(app::getBean)
                .votingRound("ME-02", CycleSettings.defaults(), "Ana Result", "Ben Result", "Cy Result");
        long ana = round.nominees.get(0);
        long ben = round.nominees.get(1);
        long cy = round.nominees.get(2);
        long[] voters = new long[6];
        for (int i = 0; i < voters.length; i++) {
            voters[i] = round.join("Hidden Voter" + i);
        }
        round.open();
        round.cast(voters[0], ana);
        round.cast(voters[1], ana);
        round.cast(voters[2], ben, ana);
        round.cast(voters[3], cy, ben);
        round.cast(voters[4], ben);
        // voters[5] does nothing: ten units reach no ballot
        round.countAndClose();

        HttpResponse<String> page = get("/results/" + round.cycleId);
        assertThat(page.statusCode()).isEqualTo(200);
        // the public pages' policy: nothing loads from anywhere, no script runs
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("default-src 'none';")
                .doesNotContain("script-src");
        String html = page.body();
        assertThat(html)
                .contains("The winner is Ben Result.")
                .contains("two staff members have yet to certify it")
                .contains("Round 1")
                .contains("Round 2")
                .contains("Eliminated: Cy Result.")
                .contains("+10")
                .contains("Units that reached a ballot")
                .contains("<td>50 (83.3%)</td>")
                .contains("<td>10</td>")
                .contains("action=\"/ballot/" + round.cycleId + "/check\"")
                .contains("href=\"/ballot/" + round.cycleId + "/audit-bundle\"")
                .doesNotContain("<script")
                .doesNotContain("Hidden Voter")
                .doesNotContain("hidden.voter");
        String head = jdbc.sql("select chain_head from cycle_result where cycle_id = ?")
                .param(round.cycleId)
                .query(String.class)
                .single();
        assertThat(html).contains("<code id=\"chain-head\">" + head + "</code>");

        String spanish = get("/results/" + round.cycleId + "?lang=es").body();
        assertThat(spanish)
                .contains("<html lang=\"es\"")
                .contains("La persona ganadora es Ben Result.")
                .contains("Ronda 2")
                .contains("Compruebe su recibo")
                .doesNotContain("Hidden Voter");
        // every results key is in both bundles
        for (String key : org.primarypipeline.console.web.i18n.PageTexts.keys(Language.EN)) {
            if (key.startsWith("results.")) {
                assertThat(org.primarypipeline.console.web.i18n.PageTexts.has(Language.ES, key))
                        .as(key)
                        .isTrue();
            }
        }
    }

    @Test
    void roundsWithoutAResultSaySoAndUnknownCyclesAre404() throws Exception {
        BallotFixture.Round pending =
                new BallotFixture(app::getBean).votingRound("ME-01", CycleSettings.defaults(), "Dee Pending");
        HttpResponse<String> notYet = get("/results/" + pending.cycleId);
        assertThat(notYet.statusCode()).isEqualTo(200);
        assertThat(notYet.body()).contains("has not been counted yet").doesNotContain("The winner is");

        jdbc.sql("update cycle set status = 'CANCELLED' where id = ?")
                .param(pending.cycleId)
                .update();
        HttpResponse<String> cancelled = get("/results/" + pending.cycleId + "?lang=es");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("canceló esta ronda").doesNotContain("aún no se ha contado");

        HttpResponse<String> unknown = get("/results/XX-99-404");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(unknown.body()).doesNotContain("Exception").doesNotContain("<script");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
