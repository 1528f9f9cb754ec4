package org.primarypipeline.console.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Writes the port the console serves on to {@code http.port} in the data directory, beside the
 * database's {@code postgres/postgres.port}: {@code pp} client commands run on the same machine read
 * it to find the app (as the local commands find its database). Only when a data directory is set,
 * as {@code pp} always sets one; tests on random ports leave no file behind.
 */
@Component
@ConditionalOnProperty("pp.data-dir")
public class HttpPortFile implements ApplicationListener<WebServerInitializedEvent> {

    /** The file's name inside the data directory; the command line reads the same name. */
    public static final String NAME = "http.port";

    private final Path dataDirectory;

    public HttpPortFile(@Value("${pp.data-dir}") String dataDirectory) {
        this.dataDirectory = Path.of(dataDirectory).toAbsolutePath();
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // a separate management port, not the console's
        }
        try {
            Files.createDirectories(dataDirectory);
            Files.writeString(
                    dataDirectory.resolve(NAME),
                    Integer.toString(event.getWebServer().getPort()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + NAME + " in " + dataDirectory, e);
        }
    }
}
