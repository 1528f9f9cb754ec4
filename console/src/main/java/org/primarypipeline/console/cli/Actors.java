package org.primarypipeline.console.cli;

/** Who is acting at the command line, for the timeline and the four-eyes rule. */
final class Actors {

    private Actors() {}

    static String current() {
        String user = System.getenv("USER");
        return user == null || user.isBlank() ? "cli" : user;
    }
}
