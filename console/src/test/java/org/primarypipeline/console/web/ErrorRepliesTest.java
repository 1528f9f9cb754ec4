package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every error, through the whole app: a public address with bad input answers with the public error
 * page (English, or Spanish when the browser asks), the API with {"error": sentence}, a console page
 * with the console's error page; never an XML map, a JSON body shown as a page or a stack trace.
 */
class ErrorRepliesTest extends ConsoleTestSupport {

    private static final Map<String, String> BROWSER = Map.of(
            "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "Accept-Language", "en-US");

    private static final List<String> PUBLIC_BAD_INPUT = List.of(
            "/fundraisers/abc",
            "/fundraisers/abc/donate",
            "/fundraisers/12abc/thanks",
            "/fundraisers/1/no-such-page",
            "/ballot/no-such-cycle",
            "/ballot/no-such-cycle/check",
            "/ballot/open/not-a-token",
            "/nominate/no-such-cycle",
            "/nominate/confirm/not-a-token",
            "/candidacy/accept/not-a-token",
            "/candidacy/accept/abc/def",
            "/invitation/not-a-code/extra");

    @Test
    void everyPublicAddressWithBadInputAnswersWithThePublicErrorPageOrItsOwnPage() throws Exception {
        ConsoleHttp anyone = new ConsoleHttp(base());
        for (String path : PUBLIC_BAD_INPUT) {
            HttpResponse<String> page = anyone.get(path, BROWSER);
            assertThat(page.headers().firstValue("Content-Type").orElse(""))
                    .as(path)
                    .startsWith("text/html");
            assertThat(page.body()).as(path).contains("<html").contains("<h1");
            assertNotRaw(path, page.body());
        }
        HttpResponse<String> fundraiser = anyone.get("/fundraisers/abc", BROWSER);
        assertThat(fundraiser.statusCode()).isEqualTo(400);
        assertThat(fundraiser.body()).contains("That link or form is not quite right", "lang=\"es\"");
        HttpResponse<String> missing = anyone.get("/fundraisers/1/no-such-page", BROWSER);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("We can&#39;t find that page");
    }

    @Test
    void aSpanishBrowserGetsTheErrorInSpanishFirst() throws Exception {
        HttpResponse<String> page = new ConsoleHttp(base())
                .get("/fundraisers/abc", Map.of("Accept", "text/html", "Accept-Language", "es-US,es;q=0.9"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("<html lang=\"es\">", "Ese enlace o formulario no es del todo correcto");
    }

    @Test
    void theApiAnswersEveryErrorWithOneJsonSentence() throws Exception {
        ConsoleHttp script = new ConsoleHttp(base());
        for (String path : List.of("/api/cycles/no-such-cycle/receipts/abc", "/api/no-such-thing")) {
            HttpResponse<String> answer = script.get(path, Map.of("Accept", "application/xml, */*"));
            assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                    .as(path)
                    .startsWith("application/json");
            String error =
                    new ObjectMapper().readTree(answer.body()).path("error").asText();
            assertThat(error).as(path).isNotBlank().doesNotContain("Exception");
        }
    }

    @Test
    void theHandlerDecidesTheShapeWhateverTheBrowserAsksFor() throws Exception {
        ConsoleHttp anyone = new ConsoleHttp(base());
        // a @RestController among the public pages answers data, even to a browser's Accept header
        for (String path : List.of("/ballot/no-such-cycle/audit-bundle", "/ballot/no-such-cycle/receipts/abc")) {
            HttpResponse<String> data = anyone.get(path, BROWSER);
            assertThat(data.statusCode()).as(path).isEqualTo(404);
            assertThat(data.headers().firstValue("Content-Type").orElse(""))
                    .as(path)
                    .startsWith("application/json");
            assertThat(new ObjectMapper().readTree(data.body()).path("error").asText())
                    .as(path)
                    .isNotBlank()
                    .doesNotContain("Exception");
        }
        // a page handler answers its error page, even to a script that asks for JSON
        HttpResponse<String> page = anyone.get("/ballot/no-such-cycle/check", Map.of("Accept", "application/json"));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertNotRaw("/ballot/no-such-cycle/check", page.body());
    }

    @Test
    void consolePagesExplainNotFoundWithoutTalkingAboutRoles() throws Exception {
        ConsoleHttp alice = new ConsoleHttp(base());
        alice.signIn("alice", password("alice"));
        for (String path : List.of(
                "/cycles/no-such-cycle",
                "/cycles/no-such-cycle/candidacies/abc",
                "/districts/ZZ-99",
                "/no-such-page")) {
            HttpResponse<String> page = alice.get(path, BROWSER);
            assertThat(page.statusCode()).as(path).isBetween(400, 404);
            assertThat(page.body()).as(path).contains("id=\"error-title\"").doesNotContain("ask an admin");
            assertNotRaw(path, page.body());
        }
    }

    static void assertNotRaw(String path, String body) {
        assertThat(body)
                .as(path + " shows no raw body")
                .doesNotContain("<Map>", "Whitelabel", "Exception", "\tat org.", "For input string")
                .doesNotStartWith("{")
                .doesNotStartWith("<?xml");
    }
}
