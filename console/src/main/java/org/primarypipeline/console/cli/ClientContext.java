package org.primarypipeline.console.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a client command reads from its surroundings: the environment ({@code PP_URL}, {@code PP_TOKEN},
 * {@code XDG_CONFIG_HOME}, {@code HOME}), the data directory whose port file names the serving app,
 * and standard input for {@code --password-stdin}. Tests give their own.
 */
public record ClientContext(Map<String, String> env, Path dataDirectory, InputStream stdin) {

    /** A command that reads its surroundings from a context given to it rather than from the process. */
    public interface Aware {
        void use(ClientContext context);
    }

    public static ClientContext fromProcess() {
        return new ClientContext(System.getenv(), Path.of(System.getProperty("pp.data-dir", "var")), System.in);
    }

    String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
