package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.users.Role;

/**
 * Many guesses at once for one account, through real HTTP: the throttle reserves an attempt before
 * the password is hashed, so no more than the limit (5) are ever checked, however many arrive together.
 * On the old code (check, hash, then count) 200 parallel guesses all passed the check.
 */
class LoginRaceTest extends ConsoleTestSupport {

    private static final String RIGHT = "a long and right passphrase";

    @Test
    void twoHundredParallelGuessesGetAtMostFiveHashesAndTheRightPasswordIsStillRefused() throws Exception {
        if (users.find("racer").isEmpty()) {
            administration.addFromCommandLine("test", "racer", Role.STAFF, RIGHT.toCharArray());
        }
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            guesses.add(http.sendAsync(basic("racer", "wrong guess " + i), HttpResponse.BodyHandlers.ofString()));
        }
        int refused = 0;
        int throttled = 0;
        for (CompletableFuture<HttpResponse<String>> guess : guesses) {
            int status = guess.get().statusCode();
            assertThat(status)
                    .as("a guess is refused or throttled, never a server error")
                    .isIn(401, 429);
            refused += status == 401 ? 1 : 0;
            throttled += status == 429 ? 1 : 0;
        }
        int checked = jdbc.sql(
                        "select count(*) from audit_log where actor = 'racer' and action = 'login' and outcome = 'DENIED'")
                .query(Integer.class)
                .single();
        assertThat(checked)
                .as("passwords actually checked (each failed check is audited)")
                .isLessThanOrEqualTo(5);
        assertThat(refused).isEqualTo(checked);
        assertThat(throttled).isEqualTo(200 - refused);
        assertThat(http.send(basic("racer", RIGHT), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("the right password while the account is locked")
                .isEqualTo(429);
    }

    private HttpRequest basic(String user, String password) {
        return HttpRequest.newBuilder(URI.create(base() + "/api/cycles"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build();
    }
}
