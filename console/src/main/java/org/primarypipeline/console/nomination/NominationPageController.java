package org.primarypipeline.console.nomination;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.voting.BallotLinks;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.nominations.AcceptanceForm;
import org.primarypipeline.nominations.LinkProblem;
import org.primarypipeline.nominations.NominationForm;
import org.primarypipeline.nominations.NominationLinks;
import org.primarypipeline.nominations.Nominations;
import org.primarypipeline.vetting.PledgeSigning.SignatureForm;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public pages of the nomination window: the nomination form of an open district cycle, the
 * nominator's confirmation, and the nominee's acceptance (eligibility, profile, pledge). Bad input is
 * answered with the form again, what was typed kept and the problem said; nothing is stored until a
 * whole step is valid. Opening an emailed link only shows a page; the button spends the link.
 */
@RestController
public class NominationPageController {

    /** Form posts larger than this are refused before anything is read into the model. */
    static final int MAX_FIELD = 10_000;

    private final Nominations nominations;
    private final NominationPages pages;

    public NominationPageController(Nominations nominations, NominationPages pages) {
        this.nominations = nominations;
        this.pages = pages;
    }

    @GetMapping("/nominate/{cycleId}")
    public ResponseEntity<String> form(@PathVariable String cycleId) {
        CycleRecord cycle;
        try {
            cycle = nominations.openCycle(cycleId);
        } catch (IllegalArgumentException | IllegalStateException closed) {
            return pages.message(HttpStatus.NOT_FOUND, "Nominations are not open", closed.getMessage(), null);
        }
        return nominationPage(HttpStatus.OK, cycle, Map.of(), true, null);
    }

    @PostMapping("/nominate/{cycleId}")
    public ResponseEntity<String> submit(@PathVariable String cycleId, @RequestParam MultiValueMap<String, String> form,
                                         HttpServletRequest request) {
        CycleRecord cycle;
        try {
            cycle = nominations.openCycle(cycleId);
        } catch (IllegalArgumentException | IllegalStateException closed) {
            return pages.message(HttpStatus.NOT_FOUND, "Nominations are not open", closed.getMessage(), null);
        }
        Map<String, String> typed = typed(form);
        boolean self = "true".equals(typed.get("self"));
        try {
            requireSizes(typed);
            nominations.submit(cycleId, new NominationForm(self, typed.get("nomineeName"), typed.get("nomineeEmail"),
                    typed.get("nomineePhone"), typed.get("nominatorName"), typed.get("nominatorEmail"), typed.get("reason"),
                    typed.get("website")), request.getRemoteAddr());
        } catch (Nominations.RateLimited limited) {
            return pages.message(HttpStatus.TOO_MANY_REQUESTS, "Please wait", limited.getMessage(), null);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return nominationPage(HttpStatus.BAD_REQUEST, cycle, typed, self, refused.getMessage());
        }
        return pages.message(HttpStatus.OK, "Check your inbox",
                "We sent a link to " + (self ? typed.get("nomineeEmail") : typed.get("nominatorEmail")).strip()
                        + ". Open it to confirm the nomination; until then nobody sees it.", null);
    }

    @GetMapping("/nominate/confirm/{token}")
    public ResponseEntity<String> confirmPage(@PathVariable String token) {
        NominationLinks.Check check = nominations.peekConfirm(token);
        if (!check.valid()) {
            return linkProblem(new LinkProblem(check.state()));
        }
        Nominations.Row row = nominations.row(check.nominationId());
        Nominations.Invitation about = nominations.invitation(row.id());
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Confirm your nomination");
        model.put("token", token);
        model.put("self", row.self());
        model.put("nomineeName", row.nomineeName());
        model.put("districtId", about.districtId());
        return pages.page(HttpStatus.OK, "confirm", model);
    }

    @PostMapping("/nominate/confirm")
    public ResponseEntity<String> confirm(@RequestParam(defaultValue = "") String token) {
        try {
            Nominations.Confirmation done = nominations.confirm(token);
            return pages.message(HttpStatus.OK, "Thank you", done.merged()
                    ? done.nomineeName() + " had been nominated already; your nomination counts as an endorsement ("
                    + done.endorsements() + " so far)."
                    : "Your nomination of " + done.nomineeName() + " in " + done.districtId()
                    + " is confirmed. We have invited them to accept and sign our pledge.", null);
        } catch (LinkProblem problem) {
            return linkProblem(problem);
        } catch (IllegalStateException | IllegalArgumentException closed) {
            return pages.message(HttpStatus.CONFLICT, "Nominations are closed", closed.getMessage(), null);
        }
    }

    @GetMapping("/candidacy/accept/{token}")
    public ResponseEntity<String> acceptPage(@PathVariable String token) {
        NominationLinks.Check check = nominations.peekAccept(token);
        if (!check.valid()) {
            return linkProblem(new LinkProblem(check.state()));
        }
        Nominations.Invitation invitation = nominations.invitation(check.nominationId());
        if (invitation.status().equals("ACCEPTED")) {
            return linkProblem(new LinkProblem(NominationLinks.State.USED));
        }
        Map<String, String> typed = new HashMap<>();
        typed.put("fullName", invitation.nomineeName());
        return acceptPage(HttpStatus.OK, token, invitation, typed, null, List.of());
    }

    @PostMapping("/candidacy/accept")
    public ResponseEntity<String> accept(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        Map<String, String> typed = typed(form);
        String token = typed.getOrDefault("token", "");
        NominationLinks.Check check = nominations.peekAccept(token);
        if (!check.valid()) {
            return linkProblem(new LinkProblem(check.state()));
        }
        Nominations.Invitation invitation = nominations.invitation(check.nominationId());
        try {
            requireSizes(typed);
            String agent = request.getHeader("User-Agent");
            Nominations.Acceptance acceptance = nominations.accept(token, new AcceptanceForm(typed.get("dateOfBirth"),
                    typed.get("citizenYears"), typed.get("inhabitant"), typed.get("fullName"), typed.get("photoUrl"),
                    typed.get("statement"), typed.get("links"), new SignatureForm(typed.get("contentHash"),
                    typed.get("typedName"), "yes".equals(typed.get("consent")), request.getRemoteAddr(),
                    agent == null ? null : agent.substring(0, Math.min(agent.length(), 500)))));
            if (!acceptance.accepted()) {
                return acceptPage(HttpStatus.OK, token, invitation, typed, null, acceptance.problems());
            }
        } catch (LinkProblem problem) {
            return linkProblem(problem);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return acceptPage(HttpStatus.BAD_REQUEST, token, invitation, typed, refused.getMessage(), List.of());
        }
        return pages.message(HttpStatus.OK, "You have accepted",
                "Thank you. You are a candidate in " + invitation.districtId()
                        + ": we emailed you a copy of the pledge you signed. Our staff now review your candidacy and will write to you with their decision.",
                null);
    }

    private ResponseEntity<String> nominationPage(HttpStatus status, CycleRecord cycle, Map<String, String> typed,
                                                  boolean self, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Nominate a candidate for " + cycle.districtId());
        model.put("cycleId", cycle.id());
        model.put("districtId", cycle.districtId());
        model.put("closesAt", BallotLinks.closesAt(cycle));
        model.put("self", self);
        model.put("form", typed);
        if (error != null) {
            model.put("error", error);
        }
        return pages.page(status, "nominate", model);
    }

    private ResponseEntity<String> acceptPage(HttpStatus status, String token, Nominations.Invitation invitation,
                                              Map<String, String> typed, String error, List<String> problems) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Accept your nomination");
        model.put("token", token);
        model.put("districtId", invitation.districtId());
        model.put("state", invitation.districtId().substring(0, 2));
        model.put("self", invitation.self());
        model.put("nominatorName", invitation.nominatorName());
        model.put("termStart", invitation.termStart().toString());
        model.put("pledge", invitation.pledge());
        model.put("form", typed);
        model.put("inhabitantYes", "yes".equals(typed.get("inhabitant")));
        model.put("inhabitantNo", "no".equals(typed.get("inhabitant")));
        model.put("problems", problems);
        model.put("hasProblems", !problems.isEmpty());
        if (error != null) {
            model.put("error", error);
        }
        return pages.page(status, "accept", model);
    }

    private ResponseEntity<String> linkProblem(LinkProblem problem) {
        HttpStatus status = problem.state() == NominationLinks.State.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
        return pages.message(status, "This link cannot be used", problem.getMessage(), null);
    }

    private static Map<String, String> typed(MultiValueMap<String, String> form) {
        Map<String, String> typed = new HashMap<>();
        form.forEach((name, values) -> typed.put(name, values == null || values.isEmpty() ? null : values.get(0)));
        return typed;
    }

    /** A field far over any limit is refused whole, before it reaches the model or is echoed back. */
    private static void requireSizes(Map<String, String> typed) {
        for (Map.Entry<String, String> field : typed.entrySet()) {
            if (field.getValue() != null && field.getValue().length() > MAX_FIELD) {
                typed.put(field.getKey(), "");
                throw new IllegalArgumentException("the field '" + field.getKey() + "' is far too long ("
                        + "at most " + MAX_FIELD + " characters are read)");
            }
        }
    }
}
