package org.primarypipeline.console.contacts;

import java.util.Map;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.supporters.RefusedFields;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organizer's door to {@link CreateCallerLink}: {@code POST /api/events/{id}/caller-links}
 * {@code {"name":"…"}} answers the link (shown once) and its expiry. Staff who steer cycles, or an organizer
 * of the event's district; a refusal names its field.
 */
@RestController
public class CallerLinkApiController {

    /** What the organizer sends: the guest's name. */
    public record Request(String name) {}

    private final CreateCallerLink create;

    public CallerLinkApiController(CreateCallerLink create) {
        this.create = create;
    }

    @PostMapping("/api/events/{id}/caller-links")
    public ResponseEntity<?> make(
            @PathVariable long id, @RequestBody Request request, @AuthenticationPrincipal StaffUser who) {
        try {
            return ResponseEntity.ok(create.byOrganizer(who, id, request.name()));
        } catch (CreateCallerLink.Refused refused) {
            String sentence = PageTexts.text(Language.EN, refused.key());
            if ("event".equals(refused.field())) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", sentence));
            }
            throw new RefusedFields(Map.of(refused.field(), sentence));
        }
    }
}
