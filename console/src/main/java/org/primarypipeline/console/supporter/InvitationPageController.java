package org.primarypipeline.console.supporter;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.supporters.Invitations;
import org.primarypipeline.console.publicpage.PublicPages;
import org.primarypipeline.core.district.DistrictId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The invitee's page: the invitation code (from the email or text) opens who invites them and what they
 * offer; the invitee says where they live (ZIP or district) and whether they take up the proxy offer, then
 * accepts or declines. The code is the only authority, as a ballot link token is, so there is no login.
 * Opening the page changes nothing (mail scanners fetch links); only the form's POST answers.
 */
@RestController
public class InvitationPageController {

    private final Invitations invitations;
    /** The address holds the invitation code: see {@link PublicPages} for what that rules out. */
    private final PublicPages pages = new PublicPages("invitation/pages", "Invitation");

    public InvitationPageController(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invitation")
    public ResponseEntity<String> enterCode(@RequestParam(required = false) String code) {
        if (code != null && !code.isBlank()) {
            return show(code.strip());
        }
        return page(HttpStatus.OK, "code", Map.of("title", "Your invitation"));
    }

    @GetMapping("/invitation/{token}")
    public ResponseEntity<String> show(@PathVariable String token) {
        Optional<Invitations.Offer> offer = invitations.offer(token);
        if (offer.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "We don't know that invitation code. Check it against your message.");
        }
        Invitations.Invitation i = offer.get().invitation();
        if (!"PENDING".equals(i.status())) {
            return problem(HttpStatus.CONFLICT, "This invitation was already " + i.status().toLowerCase() + ".");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Join your district group");
        model.put("token", token);
        model.put("inviterName", offer.get().inviterName());
        model.put("inviterDistrict", offer.get().inviterDistrictId());
        model.put("inviteeName", i.inviteeName() == null ? "" : i.inviteeName());
        model.put("offersProxy", i.offersProxy());
        return page(HttpStatus.OK, "invitation", model);
    }

    @PostMapping("/invitation/accept")
    public ResponseEntity<String> accept(@RequestParam(defaultValue = "") String token,
                                         @RequestParam(defaultValue = "") String name,
                                         @RequestParam(defaultValue = "") String zip,
                                         @RequestParam(defaultValue = "") String district,
                                         @RequestParam(defaultValue = "false") boolean proxy) {
        try {
            DistrictId chosen = district.isBlank() ? null : DistrictId.parse(district.strip());
            Invitations.Invitation done = invitations.accept(token, name.isBlank() ? null : name,
                    zip.isBlank() ? null : zip.strip(), chosen, proxy);
            Map<String, Object> model = new HashMap<>();
            model.put("title", "Welcome");
            model.put("proxyCreated", done.proxyCreated());
            model.put("proxyRefused", proxy && !done.proxyCreated());
            return page(HttpStatus.OK, "accepted", model);
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        }
    }

    @PostMapping("/invitation/decline")
    public ResponseEntity<String> decline(@RequestParam(defaultValue = "") String token) {
        try {
            invitations.decline(token);
            return page(HttpStatus.OK, "declined", Map.of("title", "Invitation declined"));
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private ResponseEntity<String> problem(HttpStatus status, String message) {
        return page(status, "problem", Map.of("title", "Invitation", "message", message));
    }

    private ResponseEntity<String> page(HttpStatus status, String page, Map<String, ?> model) {
        return pages.page(status, page, model);
    }
}
