package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member at their ballot over real HTTP: the link mailed when voting opened is spent for a session
 * cookie, and the page's form key is taken from the page, as a browser does.
 */
final class BallotVoter {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    final String base;
    final String cycleId;
    final long memberId;
    private final String cookie;
    private final String formKey;

    private BallotVoter(String base, String cycleId, long memberId, String cookie, String formKey) {
        this.base = base;
        this.cycleId = cycleId;
        this.memberId = memberId;
        this.cookie = cookie;
        this.formKey = formKey;
    }

    /** Opens the ballot link queued for {@code email} when the round opened. */
    static BallotVoter open(String base, JdbcClient jdbc, String cycleId, long memberId, String email)
            throws Exception {
        String url = jdbc.sql("""
                select model ->> 'ballotUrl' from outbox_message
                where template = 'ballot-link' and recipient = ? order by id limit 1""").param(email).query(String.class).single();
        return openLink(base, cycleId, memberId, url);
    }

    /** Opens a ballot link as the member found it (the local mailbox's copy, say). */
    static BallotVoter openLink(String base, String cycleId, long memberId, String url) throws Exception {
        String path = URI.create(url).getPath();
        String token = path.substring(path.lastIndexOf('/') + 1);
        HttpResponse<String> opened = send(base, "/ballot/open", null, Map.of("token", token));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        String setCookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> page = get(base, "/ballot/" + cycleId, cookie);
        Matcher m = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return new BallotVoter(base, cycleId, memberId, cookie, m.group(1));
    }

    /** Posts a ranking, first choice first. */
    HttpResponse<String> rank(List<Long> ranking) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("formKey", formKey);
        for (int i = 0; i < ranking.size(); i++) {
            form.put("rank_" + ranking.get(i), Integer.toString(i + 1));
        }
        return send(base, "/ballot/" + cycleId + "/ranking", cookie, form);
    }

    /** Posts a ranking from a ballot page shown with receipt number {@code shown}, as its form does. */
    HttpResponse<String> rankFrom(String shown, List<Long> ranking) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("formKey", formKey);
        form.put("shown", shown);
        for (int i = 0; i < ranking.size(); i++) {
            form.put("rank_" + ranking.get(i), Integer.toString(i + 1));
        }
        return send(base, "/ballot/" + cycleId + "/ranking", cookie, form);
    }

    /** The receipt number a ballot page's ranking form sends back. */
    static String shown(String page) {
        Matcher m = Pattern.compile("name=\"shown\" value=\"(\\d+)\"").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
    }

    HttpResponse<String> page() throws Exception {
        return get(base, "/ballot/" + cycleId, cookie);
    }

    static HttpResponse<String> get(String base, String path, String cookie) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(String base, String path, String cookie, Map<String, String> form)
            throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
