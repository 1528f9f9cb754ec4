package org.primarypipeline.console.supporters;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.function.Supplier;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.vetting.VettingPages;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.PageViewResolver;
import org.primarypipeline.nominations.RefusedField;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The candidacy page's forms for what staff enter on a candidate's behalf: a contact, a signature of
 * the pledge, eligibility answers. Thin doors onto the same commands the API and the CLI use.
 */
@Controller
public class CandidacyFormsController implements ConsolePage {

    private final RecordCandidateContact contact;
    private final SignPledgeOnBehalf signPledge;
    private final ConfirmEligibility confirmEligibility;
    private final VettingPages pages;

    public CandidacyFormsController(
            RecordCandidateContact contact,
            SignPledgeOnBehalf signPledge,
            ConfirmEligibility confirmEligibility,
            VettingPages pages) {
        this.pages = pages;
        this.contact = contact;
        this.signPledge = signPledge;
        this.confirmEligibility = confirmEligibility;
    }

    /** The contact as typed and what was wrong with each field, for the candidacy page drawn again. */
    public record ContactForm(String email, String phone, String emailError, String phoneError) {}

    /** A contact refused field by field is drawn again on the candidacy page (422), each sentence beside its field. */
    @PostMapping("/cycles/{cycleId}/candidacies/{candidacyId}/contact")
    String contact(
            @PathVariable String cycleId,
            @PathVariable long candidacyId,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone,
            @AuthenticationPrincipal StaffUser user,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        try {
            return perform(cycleId, candidacyId, flash, "Contact recorded.", () -> {
                contact.perform(user, cycleId, candidacyId, email, phone);
                return null;
            });
        } catch (RefusedField refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            Map<String, String> errors = refused.fields();
            model.addAttribute("contactForm", new ContactForm(email, phone, errors.get("email"), errors.get("phone")));
            return PageViewResolver.show(model, pages.candidacy(cycleId, candidacyId), "candidacy");
        }
    }

    @PostMapping("/cycles/{cycleId}/candidacies/{candidacyId}/pledge")
    String sign(
            @PathVariable String cycleId,
            @PathVariable long candidacyId,
            @RequestParam(required = false) String typedName,
            @AuthenticationPrincipal StaffUser user,
            HttpServletRequest request,
            RedirectAttributes flash) {
        return perform(cycleId, candidacyId, flash, "Pledge signed on their behalf, under your name.", () -> {
            signPledge.perform(
                    user, cycleId, candidacyId, typedName, request.getRemoteAddr(), request.getHeader("User-Agent"));
            return null;
        });
    }

    @PostMapping("/cycles/{cycleId}/candidacies/{candidacyId}/eligibility")
    String eligibility(
            @PathVariable String cycleId,
            @PathVariable long candidacyId,
            @RequestParam(required = false) String dateOfBirth,
            @RequestParam(required = false) String citizenYears,
            @RequestParam(required = false) String inhabitant,
            @AuthenticationPrincipal StaffUser user,
            RedirectAttributes flash) {
        return perform(cycleId, candidacyId, flash, "Eligibility confirmed.", () -> {
            confirmEligibility.perform(user, cycleId, candidacyId, dateOfBirth, citizenYears, inhabitant);
            return null;
        });
    }

    /** A refusal by the rules is shown on the candidacy page; a refused role is a 403 (not caught). */
    private static String perform(
            String cycleId, long candidacyId, RedirectAttributes flash, String done, Supplier<Void> action) {
        try {
            action.get();
            flash.addFlashAttribute("flash", Flash.done(done));
        } catch (RefusedField besideItsField) {
            throw besideItsField;
        } catch (IllegalArgumentException | IllegalStateException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Not done: " + refused.getMessage()));
        }
        return "redirect:/cycles/" + cycleId + "/candidacies/" + candidacyId;
    }
}
