package org.primarypipeline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * In production mode ({@code pp.production=true}, as deploy/k8s sets it) the app refuses to start with a
 * secret left at the placeholder the deploy files ship ({@code change-me}) or left empty where it is
 * required, and names the property to set. Outside production the same settings start (developers'
 * machines and tests use the embedded database).
 */
class ProductionSecretsTest {

    @Test
    void productionRefusesToStartWithThePlaceholderDatabasePassword() {
        assertThatThrownBy(() -> start("pp.production=true", "spring.datasource.password=change-me"))
                .hasStackTraceContaining("spring.datasource.password")
                .hasStackTraceContaining("placeholder");
    }

    @Test
    void productionRefusesAnEmptyDatabasePasswordAndAPlaceholderStripeWebhookSecret() {
        assertThatThrownBy(() -> start("pp.production=true", "spring.datasource.password="))
                .hasStackTraceContaining("spring.datasource.password");
        assertThatThrownBy(() -> start(
                        "pp.production=true",
                        "spring.datasource.password=a real and long one",
                        "pp.stripe.secret-key=sk_live_real",
                        "pp.stripe.webhook-secret=change-me"))
                .hasStackTraceContaining("pp.stripe.webhook-secret");
    }

    @Test
    void outsideProductionThePlaceholderIsNoReasonToRefuse() throws Exception {
        try (ConfigurableApplicationContext app = start("spring.datasource.password=change-me")) {
            assertThat(app.isActive()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String... settings) throws Exception {
        int temporalPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            temporalPort = socket.getLocalPort();
        }
        return new SpringApplicationBuilder(ConsoleApplication.class)
                .properties(
                        "server.port=0", "pp.temporal.embedded-port=" + temporalPort, "camel.main.shutdown-timeout=2")
                .properties(settings)
                .run();
    }
}
