package org.primarypipeline.console.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Signing the command line in and out: {@code pp login} exchanges a console account's password for a
 * token (the app keeps only its hash) and stores it for the shell user; {@code pp logout} revokes it.
 */
final class SessionCommands {

    private SessionCommands() {}

    @Command(
            name = "login",
            description = {
                "Sign the command line in as a console account: the password is asked on the terminal",
                "(or read from standard input with --password-stdin) and exchanged for a revocable token,",
                "stored in $XDG_CONFIG_HOME/primary-pipeline/token (default ~/.config/...), readable by you only."
            })
    static class Login extends ContextCommand {

        @Option(names = "--name", required = true, description = "The console account's name.")
        String name;

        @Option(names = "--password-stdin", description = "Read the password from standard input's first line.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            char[] password;
            try {
                password = passwordStdin ? fromStdin() : fromTerminal();
            } catch (IOException | IllegalStateException e) {
                spec.commandLine().getErr().println("login refused: " + e.getMessage());
                return ClientCommand.REFUSED;
            }
            String basic = "Basic "
                    + Base64.getEncoder()
                            .encodeToString(
                                    (name.trim() + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
            Arrays.fill(password, '\0');
            ApiClient api = new ApiClient(AppAddress.of(context), basic);
            TokenFile file = new TokenFile(context);
            try {
                String user = context.env("USER");
                JsonNode issued = api.send(
                        "POST", "/api/tokens", Map.of("label", "pp, shell user " + (user == null ? "unknown" : user)));
                Optional<String> previous = file.stored();
                file.store(issued.path("token").asText());
                file.storeAccount(issued.path("account").asText());
                previous.ifPresent(old -> revokeQuietly(api.base(), old));
                spec.commandLine()
                        .getOut()
                        .printf(
                                "signed in to %s as %s (%s); token stored in %s%n",
                                api.base(),
                                issued.path("account").asText(),
                                issued.path("role").asText(),
                                file.path());
                if (file.fromEnvironment()) {
                    spec.commandLine().getErr().println("note: PP_TOKEN is set and is used instead of this token");
                }
                return 0;
            } catch (ApiClient.Refused refused) {
                spec.commandLine()
                        .getErr()
                        .println("login refused: "
                                + (refused.status() == 401
                                        ? "the name or the password is wrong"
                                        : refused.getMessage()));
                return refused.status() == 401 ? ClientCommand.NOT_SIGNED_IN : ClientCommand.REFUSED;
            } catch (ApiClient.Unreachable unreachable) {
                spec.commandLine().getErr().println(unreachable.getMessage());
                return ClientCommand.UNREACHABLE;
            } catch (IOException e) {
                spec.commandLine()
                        .getErr()
                        .println("signed in, but the token could not be stored in " + file.path() + ": "
                                + e.getMessage());
                return ClientCommand.REFUSED;
            }
        }

        /** Signing in again (as someone else, say) leaves no forgotten token that still counts. */
        private static void revokeQuietly(String base, String token) {
            try {
                ApiClient.withToken(base, token).send("DELETE", "/api/tokens/current", null);
            } catch (ApiClient.Refused | ApiClient.Unreachable alreadyGone) {
                // revoked before, issued by another app, or the app went away: nothing left to do here
            }
        }

        private char[] fromStdin() throws IOException {
            return Passwords.fromStdin(context.stdin());
        }

        private static char[] fromTerminal() {
            return Passwords.ask("Password: ");
        }
    }

    @Command(name = "logout", description = "Revoke the stored token at the app and delete it.")
    static class Logout extends ContextCommand {

        @Override
        public Integer call() {
            TokenFile file = new TokenFile(context);
            Optional<String> token = file.token();
            if (token.isEmpty()) {
                spec.commandLine().getOut().println("not signed in");
                return 0;
            }
            try {
                ApiClient.withToken(AppAddress.of(context), token.get()).send("DELETE", "/api/tokens/current", null);
                spec.commandLine().getOut().println("signed out: the token is revoked");
            } catch (ApiClient.Refused refused) {
                spec.commandLine().getOut().println("the token no longer counted: " + refused.getMessage());
            } catch (ApiClient.Unreachable unreachable) {
                spec.commandLine()
                        .getErr()
                        .println(unreachable.getMessage() + "; the token is kept: it counts until revoked");
                return ClientCommand.UNREACHABLE;
            }
            try {
                if (!file.fromEnvironment()) {
                    file.delete();
                }
            } catch (IOException e) {
                spec.commandLine().getErr().println("could not delete " + file.path() + ": " + e.getMessage());
                return ClientCommand.REFUSED;
            }
            return 0;
        }
    }

    @Command(name = "whoami", description = "The account the command line is signed in as.")
    static class WhoAmI extends ClientCommand {
        @Override
        String perform(ApiClient api) {
            JsonNode current = api.get("/api/tokens/current");
            return current.path("account").asText() + " ("
                    + current.path("role").asText() + ") at " + api.base();
        }
    }
}
