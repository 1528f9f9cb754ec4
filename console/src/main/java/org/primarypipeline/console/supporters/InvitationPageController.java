package org.primarypipeline.console.supporters;

import java.util.Optional;
import org.primarypipeline.console.supporters.InvitationPageModels.Accepted;
import org.primarypipeline.console.supporters.InvitationPageModels.Declined;
import org.primarypipeline.console.supporters.InvitationPageModels.EnterCode;
import org.primarypipeline.console.supporters.InvitationPageModels.Offer;
import org.primarypipeline.console.supporters.InvitationPageModels.Problem;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.platform.PublicDoor;
import org.primarypipeline.supporters.Invitations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The invitee's page: the invitation code (from the email or text) opens who invites them and what they
 * offer; the invitee says where they live (ZIP or district) and whether they take up the proxy offer, then
 * accepts or declines. The code is the only authority, as a ballot link token is, so there is no login,
 * and the pages are personal ones ({@link PublicPageView#personal}). Opening the page changes nothing
 * (mail scanners fetch links); only the form's POST answers.
 */
@PublicDoor
@Controller
public class InvitationPageController {

    private final Invitations invitations;

    public InvitationPageController(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invitation")
    public ModelAndView enterCode(@RequestParam(required = false) String code) {
        if (code != null && !code.isBlank()) {
            return show(code.strip());
        }
        return page(HttpStatus.OK, "code", new EnterCode());
    }

    @GetMapping("/invitation/{token}")
    public ModelAndView show(@PathVariable String token) {
        Optional<Invitations.Offer> offer = invitations.offer(token);
        if (offer.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "We don't know that invitation code. Check it against your message.");
        }
        Invitations.Invitation i = offer.get().invitation();
        if (!"PENDING".equals(i.status())) {
            return problem(
                    HttpStatus.CONFLICT,
                    "This invitation was already " + i.status().toLowerCase() + ".");
        }
        return page(
                HttpStatus.OK,
                "invitation",
                new Offer(
                        token,
                        offer.get().inviterName(),
                        offer.get().inviterDistrictId(),
                        i.inviteeName() == null ? "" : i.inviteeName(),
                        i.offersProxy()));
    }

    @PostMapping("/invitation/accept")
    public ModelAndView accept(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String zip,
            @RequestParam(defaultValue = "") String district,
            @RequestParam(defaultValue = "false") boolean proxy) {
        try {
            DistrictId chosen = district.isBlank() ? null : DistrictId.parse(district.strip());
            Invitations.Invitation done = invitations.accept(
                    token, name.isBlank() ? null : name, zip.isBlank() ? null : zip.strip(), chosen, proxy);
            return page(HttpStatus.OK, "accepted", new Accepted(done.proxyCreated(), proxy && !done.proxyCreated()));
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        }
    }

    @PostMapping("/invitation/decline")
    public ModelAndView decline(@RequestParam(defaultValue = "") String token) {
        try {
            invitations.decline(token);
            return page(HttpStatus.OK, "declined", new Declined());
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private static ModelAndView problem(HttpStatus status, String message) {
        return page(status, "problem", new Problem(message));
    }

    private static ModelAndView page(HttpStatus status, String template, PublicPage model) {
        return PublicPageView.personal(status, "supporters/" + template, model);
    }
}
