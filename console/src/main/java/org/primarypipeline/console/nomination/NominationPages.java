package org.primarypipeline.console.nomination;

import java.util.HashMap;
import java.util.Map;
import org.primarypipeline.console.publicpage.PublicPages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The public nomination and acceptance pages (templates under {@code nomination/pages/}); see {@link PublicPages}. */
@Component
class NominationPages extends PublicPages {

    NominationPages() {
        super("nomination/pages", "Nominations");
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
