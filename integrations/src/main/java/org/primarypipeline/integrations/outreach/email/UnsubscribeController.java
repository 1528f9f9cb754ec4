package org.primarypipeline.integrations.outreach.email;

import java.util.Optional;
import java.util.UUID;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.primarypipeline.platform.PublicDoor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The unsubscribe link of non-transactional email. GET only shows a button, because mail scanners
 * and link previews fetch every URL in a message; POST unsubscribes, whether from that button or
 * from a mail provider's one-click request (RFC 8058: body {@code List-Unsubscribe=One-Click}).
 * The opt-out is in the consent registry when the response is written, and every send checks it.
 */
@PublicDoor
@RestController
public class UnsubscribeController {

    private final UnsubscribeTokens tokens;
    private final ConsentRegistry consent;
    private final String organizationName;

    public UnsubscribeController(UnsubscribeTokens tokens, ConsentRegistry consent, OutreachProperties properties) {
        this.tokens = tokens;
        this.consent = consent;
        this.organizationName = properties.getOrganizationName();
    }

    @GetMapping(value = UnsubscribeLinks.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> confirm(@PathVariable("token") String token) {
        Optional<String> address = address(token);
        if (address.isEmpty()) {
            return unknown();
        }
        if (consent.isOptedOut(Channel.EMAIL, address.get())) {
            return page("You are unsubscribed", "<p>" + masked(address.get()) + " gets no more of these emails.</p>");
        }
        return page(
                "Unsubscribe",
                "<p>Stop emails like this one to " + masked(address.get()) + "?</p>"
                        + "<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>"
                        + "<p style=\"font-size:13px\">Messages you need for a vote you take part in, such as your ballot link, "
                        + "still reach you.</p>");
    }

    @PostMapping(value = UnsubscribeLinks.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> unsubscribe(@PathVariable("token") String token) {
        Optional<String> address = address(token);
        if (address.isEmpty()) {
            return unknown();
        }
        consent.optOut(Channel.EMAIL, address.get(), "email-unsubscribe", token);
        return page("You are unsubscribed", "<p>" + masked(address.get()) + " gets no more of these emails.</p>");
    }

    private Optional<String> address(String token) {
        try {
            return tokens.addressOf(UUID.fromString(token));
        } catch (IllegalArgumentException notAToken) {
            return Optional.empty();
        }
    }

    private ResponseEntity<String> unknown() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_HTML)
                .body(html("Link not recognised", "<p>This unsubscribe link is not one we sent.</p>"));
    }

    private ResponseEntity<String> page(String title, String body) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html(title, body));
    }

    private String html(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(title)
                + "</title></head><body style=\"font-family:Helvetica,Arial,sans-serif;max-width:32em;margin:3em auto\">"
                + "<h1>" + HtmlUtils.htmlEscape(title) + "</h1>" + body + "<p>" + HtmlUtils.htmlEscape(organizationName)
                + "</p></body></html>";
    }

    /** Whoever holds a forwarded link learns the domain, not the address. */
    static String masked(String address) {
        int at = address.indexOf('@');
        String shown = at <= 0 ? "your address" : address.charAt(0) + "•••" + address.substring(at);
        return HtmlUtils.htmlEscape(shown, "UTF-8");
    }
}
