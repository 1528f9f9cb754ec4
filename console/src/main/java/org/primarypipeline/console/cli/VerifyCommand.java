package org.primarypipeline.console.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.primarypipeline.core.audit.BundleVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code pp verify BUNDLE}: counts a round again from its audit bundle alone (a file, or the URL of
 * {@code /ballot/{cycle}/audit-bundle}) with the plain recount of {@link BundleVerifier}, which shares
 * nothing with the counting engine. Needs no account. Exit 0 verified, 1 a difference (named), 2 the
 * bundle could not be read.
 */
@Command(
        name = "verify",
        description = "Count a round again from its audit bundle (file or URL) and say 'verified' or name the"
                + " difference.")
public class VerifyCommand extends ContextCommand {

    static final int DIFFERS = 1;
    static final int UNREADABLE = 2;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "A bundle file, or its http(s) URL.")
    String bundle;

    @Override
    public Integer call() {
        JsonNode read;
        try {
            read = new ObjectMapper().readTree(text(bundle));
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("cannot read the bundle " + bundle + ": " + e.getMessage());
            return UNREADABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREADABLE;
        }
        BundleVerifier.Verification verification = BundleVerifier.verify(read);
        spec.commandLine().getOut().println(verification.summary());
        return verification.verified() ? 0 : DIFFERS;
    }

    private static String text(String where) throws IOException, InterruptedException {
        if (where.startsWith("http://") || where.startsWith("https://")) {
            HttpResponse<String> answer = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(where)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("the server answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        }
        return Files.readString(Path.of(where));
    }
}
