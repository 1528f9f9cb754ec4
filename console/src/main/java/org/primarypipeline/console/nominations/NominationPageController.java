package org.primarypipeline.console.nominations;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.primarypipeline.console.nominations.NominationPageModels.AcceptanceFields;
import org.primarypipeline.console.nominations.NominationPageModels.Confirm;
import org.primarypipeline.console.nominations.NominationPageModels.NominationFields;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.nominations.AcceptanceForm;
import org.primarypipeline.nominations.LinkProblem;
import org.primarypipeline.nominations.NominationForm;
import org.primarypipeline.nominations.NominationLinks;
import org.primarypipeline.nominations.Nominations;
import org.primarypipeline.platform.PublicDoor;
import org.primarypipeline.vetting.PledgeSigning.SignatureForm;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public pages of the nomination window: the nomination form of an open district cycle, the
 * nominator's confirmation, and the nominee's acceptance (eligibility, profile, pledge). Bad input is
 * answered with the form again, what was typed kept and the problem said; nothing is stored until a
 * whole step is valid. Opening an emailed link only shows a page; the button spends the link.
 */
@PublicDoor
@Controller
public class NominationPageController {

    private final Nominations nominations;

    public NominationPageController(Nominations nominations) {
        this.nominations = nominations;
    }

    @GetMapping("/nominate/{cycleId}")
    public ModelAndView form(@PathVariable String cycleId) {
        CycleRecord cycle;
        try {
            cycle = nominations.openCycle(cycleId);
        } catch (IllegalArgumentException | IllegalStateException closed) {
            return page(HttpStatus.NOT_FOUND, "message", NominationPages.notOpen(closed.getMessage()));
        }
        NominationFields empty = new NominationFields(null, null, null, null, null, null);
        return page(HttpStatus.OK, "nominate", NominationPages.nominate(cycle, empty, true, null));
    }

    @PostMapping("/nominate/{cycleId}")
    public ModelAndView submit(
            @PathVariable String cycleId,
            @RequestParam MultiValueMap<String, String> posted,
            HttpServletRequest request) {
        CycleRecord cycle;
        try {
            cycle = nominations.openCycle(cycleId);
        } catch (IllegalArgumentException | IllegalStateException closed) {
            return page(HttpStatus.NOT_FOUND, "message", NominationPages.notOpen(closed.getMessage()));
        }
        PostedForm form = new PostedForm(posted);
        boolean self = "true".equals(form.get("self"));
        try {
            form.requireSizes();
            nominations.submit(
                    cycleId,
                    new NominationForm(
                            self,
                            form.get("nomineeName"),
                            form.get("nomineeEmail"),
                            form.get("nomineePhone"),
                            form.get("nominatorName"),
                            form.get("nominatorEmail"),
                            form.get("reason"),
                            form.get("website")),
                    request.getRemoteAddr());
        } catch (Nominations.RateLimited limited) {
            return page(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "message",
                    NominationPages.refused("Please wait", limited.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return page(
                    HttpStatus.BAD_REQUEST,
                    "nominate",
                    NominationPages.nominate(cycle, NominationFields.from(form), self, refused));
        }
        String address = self ? form.get("nomineeEmail") : form.get("nominatorEmail");
        return page(HttpStatus.OK, "message", NominationPages.sent(address));
    }

    @GetMapping("/nominate/confirm/{token}")
    public ModelAndView confirmPage(@PathVariable String token) {
        NominationLinks.Check check = nominations.peekConfirm(token);
        if (!check.valid()) {
            return linkProblem(new LinkProblem(check.state()));
        }
        Nominations.Row row = nominations.row(check.nominationId());
        Nominations.Invitation about = nominations.invitation(row.id());
        return page(HttpStatus.OK, "confirm", new Confirm(token, row.self(), row.nomineeName(), about.districtId()));
    }

    @PostMapping("/nominate/confirm")
    public ModelAndView confirm(@RequestParam(defaultValue = "") String token) {
        try {
            return page(HttpStatus.OK, "message", NominationPages.confirmed(nominations.confirm(token)));
        } catch (LinkProblem problem) {
            return linkProblem(problem);
        } catch (IllegalStateException | IllegalArgumentException closed) {
            return page(
                    HttpStatus.CONFLICT,
                    "message",
                    NominationPages.refused("Nominations are closed", closed.getMessage()));
        }
    }

    @GetMapping("/candidacy/accept/{token}")
    public ModelAndView acceptPage(@PathVariable String token) {
        NominationLinks.Check check = nominations.peekAccept(token);
        if (!check.valid()) {
            return linkProblem(new LinkProblem(check.state()));
        }
        Nominations.Invitation invitation = nominations.invitation(check.nominationId());
        if (invitation.status().equals("ACCEPTED")) {
            return linkProblem(new LinkProblem(NominationLinks.State.USED));
        }
        return page(
                HttpStatus.OK,
                "accept",
                NominationPages.accept(
                        token, invitation, AcceptanceFields.named(invitation.nomineeName()), null, null, List.of()));
    }

    @PostMapping("/candidacy/accept")
    public ModelAndView accept(@RequestParam MultiValueMap<String, String> posted, HttpServletRequest request) {
        PostedForm form = new PostedForm(posted);
        String token = form.getOrEmpty("token");
        NominationLinks.Check check = nominations.peekAccept(token);
        if (!check.valid()) {
            return linkProblem(new LinkProblem(check.state()));
        }
        Nominations.Invitation invitation = nominations.invitation(check.nominationId());
        try {
            form.requireSizes();
            String agent = request.getHeader("User-Agent");
            Nominations.Acceptance acceptance = nominations.accept(
                    token,
                    new AcceptanceForm(
                            form.get("dateOfBirth"),
                            form.get("citizenYears"),
                            form.get("inhabitant"),
                            form.get("fullName"),
                            form.get("photoUrl"),
                            form.get("statement"),
                            form.get("links"),
                            new SignatureForm(
                                    form.get("contentHash"),
                                    form.get("typedName"),
                                    "yes".equals(form.get("consent")),
                                    request.getRemoteAddr(),
                                    agent == null ? null : agent.substring(0, Math.min(agent.length(), 500)))));
            if (!acceptance.accepted()) {
                return page(
                        HttpStatus.OK,
                        "accept",
                        NominationPages.accept(
                                token,
                                invitation,
                                AcceptanceFields.from(form),
                                form.get("inhabitant"),
                                null,
                                acceptance.problems()));
            }
        } catch (LinkProblem problem) {
            return linkProblem(problem);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return page(
                    HttpStatus.BAD_REQUEST,
                    "accept",
                    NominationPages.accept(
                            token,
                            invitation,
                            AcceptanceFields.from(form),
                            form.get("inhabitant"),
                            refused,
                            List.of()));
        }
        return page(HttpStatus.OK, "message", NominationPages.accepted(invitation));
    }

    private static ModelAndView linkProblem(LinkProblem problem) {
        HttpStatus status = problem.state() == NominationLinks.State.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
        return page(status, "message", NominationPages.linkProblem(problem.getMessage()));
    }

    private static ModelAndView page(HttpStatus status, String template, PublicPage model) {
        return PublicPageView.personal(status, "nominations/" + template, model);
    }
}
