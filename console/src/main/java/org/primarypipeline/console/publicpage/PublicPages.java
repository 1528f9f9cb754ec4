package org.primarypipeline.console.publicpage;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Pages people reach without an account, from a link in an email or SMS (ballot, nomination): Mustache
 * templates under one folder, HTML-escaped, inside that folder's layout. Plain forms, no script, so the
 * policy below forbids every script and every outside resource; links carry tokens and pages hold a
 * person's own choices, so nothing is cached or sent on as a referrer.
 */
public class PublicPages {

    public static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final MustacheFactory mustache;
    private final String defaultTitle;

    public PublicPages(String templateFolder, String defaultTitle) {
        this.mustache = new DefaultMustacheFactory(templateFolder);
        this.defaultTitle = defaultTitle;
    }

    public String render(String page, Map<String, ?> model) {
        StringWriter content = new StringWriter();
        mustache.compile(page + ".mustache").execute(content, List.of(model).toArray());
        Map<String, Object> frame = new HashMap<>();
        frame.put("title", model.containsKey("title") ? model.get("title") : defaultTitle);
        frame.put("content", content.toString());
        StringWriter html = new StringWriter();
        mustache.compile("layout.mustache").execute(html, List.of(frame).toArray());
        return html.toString();
    }

    public ResponseEntity<String> page(HttpStatus status, String page, Map<String, ?> model) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header(HttpHeaders.VARY, "Cookie")
                .body(render(page, model));
    }
}
