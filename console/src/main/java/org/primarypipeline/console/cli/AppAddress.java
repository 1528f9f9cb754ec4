package org.primarypipeline.console.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.primarypipeline.console.web.HttpPortFile;

/**
 * Where the serving app answers: {@code PP_URL} when set (another machine, a proxy), else the port the
 * app wrote to its data directory when it started, else {@code PP_PORT} or 8080 on this machine.
 */
final class AppAddress {

    private AppAddress() {}

    static String of(ClientContext context) {
        String url = context.env("PP_URL");
        if (url != null) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        Path portFile = context.dataDirectory().resolve(HttpPortFile.NAME);
        try {
            if (Files.isRegularFile(portFile)) {
                return "http://127.0.0.1:"
                        + Integer.parseInt(Files.readString(portFile).trim());
            }
        } catch (IOException | NumberFormatException unreadable) {
            // fall back to the configured port, as the app itself would use
        }
        String port = context.env("PP_PORT");
        return "http://127.0.0.1:" + (port == null ? "8080" : port);
    }
}
