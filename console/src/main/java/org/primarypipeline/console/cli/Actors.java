package org.primarypipeline.console.cli;

/**
 * Who is acting at the command line, for the timeline and the four-eyes rule: the account {@code pp
 * login} signed in as, else the shell user, so the timeline never says just "cli".
 */
final class Actors {

    private Actors() {}

    static String current() {
        return new TokenFile(ClientContext.fromProcess()).account().orElseGet(() -> {
            String user = System.getenv("USER");
            return user == null || user.isBlank() ? "shell user (not signed in)" : user;
        });
    }
}
