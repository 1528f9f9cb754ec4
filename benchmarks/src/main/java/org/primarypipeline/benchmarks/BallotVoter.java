package org.primarypipeline.benchmarks;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One simulated member of {@code pp bench ballots}, as a browser would be: an HTTP client and cookie jar
 * of their own, the ballot link spent by its button for a session cookie, the form key and nominees read
 * from the ballot page, and rankings posted as the page's form does.
 */
final class BallotVoter {

    private static final Pattern FORM_KEY = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"");
    private static final Pattern SHOWN = Pattern.compile("name=\"shown\" value=\"(\\d+)\"");
    private static final Pattern NOMINEE = Pattern.compile("name=\"rank_(\\d+)\"");
    private static final Pattern RECEIPT =
            Pattern.compile("Entry <strong>#(\\d+)</strong>[^<]*<br><code>([0-9a-f]{64})</code>");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /**
     * What the ballot page answered to a ranking: its status and, on 200, the receipt it shows, and whether
     * this post stored a ballot ({@code stored}: the page shows the new ballot's secret, which exists only
     * for a ballot just stored; a form the server recognised as sent twice gets the stored receipt without one).
     */
    record Answer(int status, long seq, String code, boolean stored) {}

    /** The secret the answer shows only for a ballot this very post stored. */
    private static final String SECRET = "id=\"secret\"";

    final long memberId;
    private final URI base;
    private final String cycleId;
    private final HttpClient http;
    private String formKey;
    /** The receipt number the page on screen was shown with; the ranking form sends it back. */
    private volatile String shown;

    private List<Long> nominees = List.of();

    BallotVoter(URI base, String cycleId, long memberId, Executor executor) {
        this.base = base;
        this.cycleId = cycleId;
        this.memberId = memberId;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .executor(executor)
                .build();
    }

    /** Follows the mailed link: its page, its button (which sets the session cookie), then the ballot. */
    void open(String token) throws Exception {
        expect(200, http.send(get("/ballot/open/" + token), HttpResponse.BodyHandlers.ofString()), "link page");
        expect(303, http.send(post("/ballot/open", "token=" + token), HttpResponse.BodyHandlers.ofString()), "open");
        HttpResponse<String> page = http.send(get("/ballot/" + cycleId), HttpResponse.BodyHandlers.ofString());
        expect(200, page, "ballot page");
        Matcher key = FORM_KEY.matcher(page.body());
        if (!key.find()) {
            throw new IllegalStateException("member " + memberId + ": no form key on the ballot page");
        }
        formKey = key.group(1);
        shown = shown(page.body());
        List<Long> found = new ArrayList<>();
        Matcher nominee = NOMINEE.matcher(page.body());
        while (nominee.find()) {
            found.add(Long.parseLong(nominee.group(1)));
        }
        nominees = List.copyOf(found);
    }

    List<Long> nominees() {
        return nominees;
    }

    /**
     * Posts a ranking, first choice first, from the page on screen (sending it twice, as a double click
     * does, sends the same form twice); the answer carries the receipt the page shows, and its form is
     * the one the next ranking is sent from.
     */
    CompletableFuture<Answer> rank(List<Long> ranking) {
        StringBuilder form = new StringBuilder("formKey=").append(URLEncoder.encode(formKey, StandardCharsets.UTF_8));
        if (shown != null) {
            form.append("&shown=").append(shown);
        }
        for (int i = 0; i < ranking.size(); i++) {
            form.append("&rank_").append(ranking.get(i)).append('=').append(i + 1);
        }
        return http.sendAsync(
                        post("/ballot/" + cycleId + "/ranking", form.toString()), HttpResponse.BodyHandlers.ofString())
                .thenApply(this::answer);
    }

    private Answer answer(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return new Answer(response.statusCode(), 0, null, false);
        }
        String next = shown(response.body());
        if (next != null) {
            shown = next;
        }
        Matcher receipt = RECEIPT.matcher(response.body());
        boolean stored = response.body().contains(SECRET);
        return receipt.find()
                ? new Answer(200, Long.parseLong(receipt.group(1)), receipt.group(2), stored)
                : new Answer(200, 0, null, stored);
    }

    private static String shown(String page) {
        Matcher m = SHOWN.matcher(page);
        return m.find() ? m.group(1) : null;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private void expect(int status, HttpResponse<String> response, String step) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("member " + memberId + ": " + step + " answered " + response.statusCode()
                    + " (expected " + status + ")");
        }
    }
}
