package org.primarypipeline.integrations.outreach.email;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which address an unsubscribe token stands for: the recipient of the email that carried it. */
@Component
public class UnsubscribeTokens {

    private final JdbcClient jdbc;

    public UnsubscribeTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> addressOf(UUID token) {
        return jdbc.sql("select recipient from outbox_message where unsubscribe_token = :token and channel = 'EMAIL'")
                .param("token", token)
                .query(String.class)
                .optional();
    }
}
