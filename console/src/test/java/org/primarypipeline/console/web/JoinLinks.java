package org.primarypipeline.console.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a person does with the link to confirm joining: finds it in their inbox (the outbox) and presses the button. */
final class JoinLinks {

    private JoinLinks() {}

    /** Follows the latest link sent to the address; returns the member it made. */
    static long follow(String base, JdbcClient jdbc, String email) throws Exception {
        String url = jdbc.sql("""
                select model ->> 'confirmUrl' from outbox_message where template = 'join-confirm' and recipient = ?
                order by id desc limit 1""").param(email).query(String.class).single();
        HttpResponse<String> done = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + URI.create(url).getPath()))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (done.statusCode() != 200) {
            throw new IllegalStateException("following the link answered " + done.statusCode() + ": " + done.body());
        }
        return jdbc.sql("select id from member where lower(email) = lower(?)")
                .param(email)
                .query(Long.class)
                .single();
    }
}
