package org.primarypipeline.console.nomination;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The public nomination and acceptance pages: Mustache under {@code nomination/pages/}, HTML-escaped,
 * no script, the same strict policy as the ballot pages. Links carry tokens, so nothing is cached or
 * sent on as a referrer.
 */
@Component
class NominationPages {

    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    private final MustacheFactory mustache = new DefaultMustacheFactory("nomination/pages");

    String render(String page, Map<String, ?> model) {
        StringWriter content = new StringWriter();
        mustache.compile(page + ".mustache").execute(content, List.of(model).toArray());
        Map<String, Object> frame = new HashMap<>();
        frame.put("title", model.containsKey("title") ? model.get("title") : "Nominations");
        frame.put("content", content.toString());
        StringWriter html = new StringWriter();
        mustache.compile("layout.mustache").execute(html, List.of(frame).toArray());
        return html.toString();
    }

    ResponseEntity<String> page(HttpStatus status, String page, Map<String, ?> model) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .body(render(page, model));
    }

    ResponseEntity<String> message(HttpStatus status, String heading, String message, String more) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", heading);
        model.put("heading", heading);
        model.put("message", message);
        model.put("kind", status.is2xxSuccessful() ? "ok" : "problem");
        if (more != null) {
            model.put("more", more);
        }
        return page(status, "message", model);
    }
}
