package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primarypipeline.console.users.Role;
import org.primarypipeline.console.users.StaffUser;

/**
 * {@code pp login} and its token: stored for the shell user only, kept by the app only as a hash,
 * refused once revoked (by {@code pp logout} or by disabling the account), never able to mint another,
 * and the password exchange goes through the same login throttle as the console's sign-in page.
 */
class ShellSignInTest extends ConsoleTestSupport {

    @TempDir
    Path homes;

    @Test
    void theTokenIsStoredForItsOwnerOnlyAndKeptByTheAppAsAHash() throws Exception {
        PpShell shell = new PpShell(base(), homes.resolve("alice"));
        PpShell.Run login = shell.login("alice", password("alice"));
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).startsWith("signed in to " + base() + " as alice (staff); token stored in ");

        String token = Files.readString(shell.tokenFile()).trim();
        assertThat(token).startsWith("pp_").hasSizeGreaterThan(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shell.tokenFile())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(shell.tokenFile().getParent())))
                .isEqualTo("rwx------");
        assertThat(jdbc.sql("select count(*) from api_token where token_sha256 = ?")
                        .param(sha256(token))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from api_token t where strpos(t::text, ?) > 0")
                        .param(token.substring(3))
                        .query(Integer.class)
                        .single())
                .as("the token itself is nowhere in the table")
                .isZero();
        assertThat(shell.pp("whoami").out()).isEqualTo("alice (staff) at " + base());
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'alice' and action = 'login'"
                                + " and outcome = 'DONE' and detail like 'signed in from the command line%'")
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    @Test
    void aRevokedTokenIsRefusedAndLogoutRevokesIt() throws Exception {
        PpShell shell = new PpShell(base(), homes.resolve("bob"));
        assertThat(shell.login("bob", password("bob")).exit()).isZero();
        String token = Files.readString(shell.tokenFile()).trim();
        assertThat(shell.pp("cycle", "list").exit()).isZero();

        PpShell.Run logout = shell.pp("logout");
        assertThat(logout.exit()).isZero();
        assertThat(logout.out()).isEqualTo("signed out: the token is revoked");
        assertThat(shell.tokenFile()).doesNotExist();

        PpShell.Run after = new PpShell(base(), homes.resolve("bob-script"))
                .withToken(token)
                .pp("cycle", "list");
        assertThat(after.exit()).isEqualTo(4);
        assertThat(after.err()).contains("unknown or revoked");
        assertThat(bearer("GET", "/api/cycles", token).statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select revoked_at is not null from api_token where token_sha256 = ?")
                        .param(sha256(token))
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void signingInAgainRevokesThePreviousToken() throws Exception {
        PpShell shell = new PpShell(base(), homes.resolve("shared-desk"));
        assertThat(shell.login("alice", password("alice")).exit()).isZero();
        String first = Files.readString(shell.tokenFile()).trim();
        assertThat(shell.login("bob", password("bob")).exit()).isZero();
        assertThat(shell.pp("whoami").out()).startsWith("bob (staff)");
        assertThat(bearer("GET", "/api/cycles", first).statusCode()).isEqualTo(401);
    }

    @Test
    void disablingTheAccountRevokesItsTokens() throws Exception {
        if (users.find("dana").isEmpty()) {
            administration.addFromCommandLine(
                    "test", "dana", Role.STAFF, password("dana").toCharArray());
        }
        PpShell shell = new PpShell(base(), homes.resolve("dana"));
        assertThat(shell.login("dana", password("dana")).exit()).isZero();
        assertThat(shell.pp("whoami").exit()).isZero();

        StaffUser ada = users.find("ada").orElseThrow();
        disableAccount.perform(ada, users.find("dana").orElseThrow().id());

        PpShell.Run refused = shell.pp("whoami");
        assertThat(refused.exit()).isEqualTo(4);
        assertThat(refused.err()).contains("unknown or revoked, or its account is disabled");
        assertThat(jdbc.sql("select count(*) from api_token t join console_user u on u.id = t.user_id"
                                + " where u.username = 'dana' and t.revoked_at is null")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aTokenCannotIssueAnotherToken() throws Exception {
        PpShell shell = new PpShell(base(), homes.resolve("ada"));
        assertThat(shell.login("ada", password("ada")).exit()).isZero();
        HttpResponse<String> again = bearer(
                "POST", "/api/tokens", Files.readString(shell.tokenFile()).trim());
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).contains("needs the account's password");
    }

    @Test
    void wrongPasswordsAtLoginAreThrottledLikeTheConsolesSignIn() throws Exception {
        if (users.find("locked-shell").isEmpty()) {
            administration.addFromCommandLine(
                    "test", "locked-shell", Role.STAFF, password("locked-shell").toCharArray());
        }
        PpShell shell = new PpShell(base(), homes.resolve("locked-shell"));
        for (int i = 0; i < 5; i++) {
            PpShell.Run wrong = shell.login("locked-shell", "a wrong guess " + i);
            assertThat(wrong.exit()).isEqualTo(4);
            assertThat(wrong.err()).isEqualTo("login refused: the name or the password is wrong");
        }
        PpShell.Run right = shell.login("locked-shell", password("locked-shell"));
        assertThat(right.exit()).isEqualTo(2);
        assertThat(right.err()).startsWith("login refused: too many failed sign-ins");
        assertThat(shell.tokenFile()).doesNotExist();
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'locked-shell' and action = 'login'"
                                + " and outcome = 'DENIED'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
    }

    private HttpResponse<String> bearer(String method, String path, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
