package org.primarypipeline.console.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.primarypipeline.console.cli.ClientContext;
import org.primarypipeline.console.cli.CommandLineEntry;

/**
 * One shell user running {@code pp} against the test app: their own config directory (where
 * {@code pp login} stores the token), {@code PP_URL} pointing at the app, and nothing else from the
 * test JVM's environment. Commands run through the real entry point, picocli and all.
 */
final class PpShell {

    record Run(int exit, String out, String err) {}

    private final Map<String, String> env = new HashMap<>();
    private final Path home;

    PpShell(String appUrl, Path home) throws IOException {
        this.home = Files.createDirectories(home);
        env.put("PP_URL", appUrl);
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("USER", home.getFileName().toString());
    }

    Path tokenFile() {
        return home.resolve("config").resolve("primary-pipeline").resolve("token");
    }

    PpShell withToken(String token) {
        env.put("PP_TOKEN", token);
        return this;
    }

    Run login(String name, String password) {
        return run(password + "\n", "login", "--name", name, "--password-stdin");
    }

    Run pp(String... args) {
        return run("", args);
    }

    private Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ClientContext context = new ClientContext(
                Map.copyOf(env), home.resolve("var"), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int exit = new CommandLineEntry(new PrintWriter(out, true), new PrintWriter(err, true), context).run(args);
        return new Run(exit, out.toString().strip(), err.toString().strip());
    }
}
