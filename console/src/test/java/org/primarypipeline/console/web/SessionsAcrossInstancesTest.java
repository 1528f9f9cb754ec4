package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.ConsoleApplication;
import org.primarypipeline.console.users.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two {@code serve} replicas on one database, as in the cluster: a console session opened on one is
 * known to the other (sessions live in PostgreSQL), and disabling the account ends it on both. On the
 * old code sessions lived in each process's memory, so the second instance did not know the cookie
 * and a disabled account kept its sessions on every pod but the one that disabled it.
 */
class SessionsAcrossInstancesTest extends ConsoleTestSupport {

    private static ConfigurableApplicationContext second;

    @Autowired
    Environment environment;

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aSessionIsSharedByBothInstancesAndDisablingTheAccountEndsItOnBoth() throws Exception {
        if (users.find("dee").isEmpty()) {
            administration.addFromCommandLine(
                    "test", "dee", Role.STAFF, password("dee").toCharArray());
        }
        String secondBase = "http://127.0.0.1:" + secondInstancePort();

        ConsoleHttp onFirst = new ConsoleHttp(base());
        assertThat(onFirst.signIn("dee", password("dee"))).endsWith("/");
        ConsoleHttp onSecond = onFirst.sameBrowserAt(secondBase);
        assertThat(onSecond.get("/cycles").statusCode())
                .as("the session cookie from the first instance, on the second")
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'dee'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        ConsoleHttp ada = new ConsoleHttp(base());
        ada.signIn("ada", password("ada"));
        long id = users.find("dee").orElseThrow().id();
        assertThat(ada.form("/users/" + id + "/disable", ada.csrf("/users"), Map.of())
                        .statusCode())
                .isEqualTo(302);

        HttpResponse<String> after = onSecond.get("/cycles");
        assertThat(after.statusCode())
                .as("the disabled account's session on the other instance")
                .isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(onFirst.get("/cycles").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'dee'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    /** A second serve process on the same database and the same Temporal server, as a second replica. */
    private int secondInstancePort() {
        if (second == null) {
            second = new SpringApplicationBuilder(ConsoleApplication.class)
                    .properties(
                            "server.port=0",
                            "spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                            "spring.datasource.username=postgres",
                            "spring.datasource.password=postgres",
                            // joins the first instance's Temporal server rather than starting one
                            "pp.temporal.embedded-port=" + environment.getProperty("pp.temporal.embedded-port"),
                            "pp.temporal.start-embedded=false",
                            "pp.temporal.worker=false",
                            "pp.prioritize.on-start=false",
                            "pp.resume-on-start=false",
                            "camel.main.shutdown-timeout=2")
                    .run();
        }
        return ((WebServerApplicationContext) second).getWebServer().getPort();
    }
}
