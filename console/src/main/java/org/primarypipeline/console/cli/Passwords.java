package org.primarypipeline.console.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** How the command line takes a password: one line of standard input, or asked on the terminal unseen. */
final class Passwords {

    private Passwords() {}

    static char[] fromStdin(InputStream in) throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IllegalStateException("no password on standard input");
        }
        return line.toCharArray();
    }

    static char[] ask(String prompt) {
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException("no terminal to ask for the password on; use --password-stdin");
        }
        char[] password = console.readPassword(prompt);
        if (password == null) {
            throw new IllegalStateException("no password given");
        }
        return password;
    }
}
