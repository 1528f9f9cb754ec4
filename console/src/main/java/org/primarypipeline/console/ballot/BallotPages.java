package org.primarypipeline.console.ballot;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The member's ballot pages: Mustache templates under {@code ballot/pages/}, HTML-escaped, inside one
 * layout. Plain forms, no script: the pages work on any phone, and the strict policy below can forbid
 * every script and every outside resource.
 */
@Component
class BallotPages {

    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    private final MustacheFactory mustache = new DefaultMustacheFactory("ballot/pages");

    String render(String page, Map<String, ?> model) {
        StringWriter content = new StringWriter();
        mustache.compile(page + ".mustache").execute(content, List.of(model).toArray());
        Map<String, Object> frame = new HashMap<>();
        frame.put("title", model.containsKey("title") ? model.get("title") : "Your ballot");
        frame.put("content", content.toString());
        StringWriter html = new StringWriter();
        mustache.compile("layout.mustache").execute(html, List.of(frame).toArray());
        return html.toString();
    }

    /** Nothing here may be cached or sent on as a referrer: pages hold a member's own choices, links a token. */
    ResponseEntity<String> page(HttpStatus status, String page, Map<String, ?> model) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header(HttpHeaders.VARY, "Cookie")
                .body(render(page, model));
    }
}
