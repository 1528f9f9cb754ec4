package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member confirming the assisted ballot staff entered for them, as they would: the latest link queued
 * to their address, its page, and the Confirm button, over real HTTP.
 */
final class AssistedLinks {

    private AssistedLinks() {}

    /** Confirms the latest assisted ballot sent to {@code address}; returns the answer page. */
    static String confirm(String base, JdbcClient jdbc, String address) throws Exception {
        String url = jdbc.sql("""
                select model ->> 'answerUrl' from outbox_message where template = 'assisted-ballot' and recipient = ?
                order by id desc limit 1""").param(address).query(String.class).single();
        String path = URI.create(url).getPath();
        String token = path.substring(path.lastIndexOf('/') + 1);
        HttpResponse<String> page = BallotVoter.get(base, path, null);
        Matcher m = Pattern.compile("action=\"/ballot/assisted/(\\d+)\"").matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        HttpResponse<String> answer = BallotVoter.send(
                base, "/ballot/assisted/" + m.group(1), null, Map.of("token", token, "decision", "confirm"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("Your ballot is confirmed");
        return answer.body();
    }

    /** The receipt (64 hex digits) on a confirmation page. */
    static String receipt(String page) {
        Matcher m = Pattern.compile("<code>([0-9a-f]{64})</code>").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
    }
}
