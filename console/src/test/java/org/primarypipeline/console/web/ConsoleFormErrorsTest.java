package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Console forms say every problem of a refused submit at once, each as a sentence beside its field,
 * and keep what was typed (never a password); over real HTTP through the console's security chain.
 */
class ConsoleFormErrorsTest extends ConsoleTestSupport {

    @Test
    void aRefusedAccountSaysEveryProblemBesideItsField() throws Exception {
        ConsoleHttp ada = new ConsoleHttp(base());
        ada.signIn("ada", password("ada"));
        HttpResponse<String> refused = ada.form(
                "/users",
                ada.csrf("/users"),
                Map.of(
                        "username", "x y",
                        "role", "overlord",
                        "password", "short-pw",
                        "confirm", "something else"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("The account was not added; fix the marked fields.")
                .contains("value=\"x y\"")
                .contains("aria-describedby=\"name-hint username-error\"")
                .contains("<span class=\"field-error\" id=\"username-error\">An account name is 2 to 40 letters")
                .contains("aria-describedby=\"role-error\"")
                .contains("<span class=\"field-error\" id=\"role-error\">Choose one of the roles: admin, staff,"
                        + " finance or auditor.</span>")
                .contains("aria-describedby=\"pw-hint password-error\"")
                .contains("<span class=\"field-error\" id=\"password-error\">A password needs at least 12"
                        + " characters.</span>")
                .contains("aria-describedby=\"confirm-error\"")
                .contains("<span class=\"field-error\" id=\"confirm-error\">The two passwords differ;")
                .doesNotContain("short-pw")
                .doesNotContain("something else");
        assertThat(jdbc.sql("""
                select count(*) from audit_log where actor = 'ada' and action = 'user.add'
                  and target = 'user x y' and outcome = 'REFUSED'
                """).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aTakenNameKeepsTheChosenRoleAndIsSaidBesideTheName() throws Exception {
        ConsoleHttp ada = new ConsoleHttp(base());
        ada.signIn("ada", password("ada"));
        HttpResponse<String> refused = ada.form(
                "/users",
                ada.csrf("/users"),
                Map.of(
                        "username", "alice",
                        "role", "finance",
                        "password", "a long enough passphrase",
                        "confirm", "a long enough passphrase"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("<span class=\"field-error\" id=\"username-error\">An account named alice exists already;")
                .contains("<option value=\"finance\" selected>")
                .doesNotContain("id=\"password-error\"")
                .doesNotContain("a long enough passphrase");
    }

    @Test
    void someoneWithoutTheRightLearnsNothing() throws Exception {
        ConsoleHttp alice = new ConsoleHttp(base());
        alice.signIn("alice", password("alice"));
        HttpResponse<String> denied = alice.form(
                "/users", alice.csrf("/"), Map.of("username", "bob", "role", "admin", "password", "x", "confirm", "y"));

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).doesNotContain("exists already").doesNotContain("passwords differ");
    }
}
