package org.primarypipeline.console.cycles;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.function.Supplier;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.console.web.PageViewResolver;
import org.primarypipeline.nominations.RefusedField;
import org.primarypipeline.vetting.ReviewChecklist;
import org.primarypipeline.vetting.VettingDecision;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cycle page's action forms: each maps a form to one {@link CycleActions} method (the rules and
 * the audit entry are there) and lands back on the cycle with a one-line outcome.
 */
@Controller
public class CycleFormsController implements ConsolePage {

    private final CycleActions actions;
    private final CyclePages pages;
    private final Format format;

    public CycleFormsController(CycleActions actions, CyclePages pages, Format format) {
        this.actions = actions;
        this.pages = pages;
        this.format = format;
    }

    @PostMapping("/cycles/{cycleId}/review")
    String review(
            @PathVariable String cycleId,
            @RequestParam long candidacyId,
            @RequestParam String verdict,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal StaffUser user,
            @RequestParam(required = false) String referencesContacted,
            @RequestParam(required = false) String publicRecordChecked,
            @RequestParam(required = false) String fecFilingsLookedUp,
            @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        ReviewChecklist checklist = new ReviewChecklist(
                referencesContacted != null, publicRecordChecked != null, fecFilingsLookedUp != null);
        String cyclePage = perform(
                cycleId, flash, () -> actions.review(user, cycleId, candidacyId, verdict(verdict), reason, checklist));
        if (!"candidacy".equals(back)) {
            return cyclePage;
        }
        // from the candidacy page: back to it, with the boxes as they were ticked when refused
        if (flash.getFlashAttributes().get("flash") instanceof Flash f && !f.ok()) {
            flash.addFlashAttribute("ticked", checklist);
        }
        return "redirect:/cycles/" + cycleId + "/candidacies/" + candidacyId;
    }

    /** The typed extend form and what was wrong with each field, for the cycle page drawn again. */
    public record ExtendForm(String extension, String reason, String extensionError, String reasonError) {}

    /** A form refused field by field is drawn again on the cycle page (422), each sentence beside its field. */
    @PostMapping("/cycles/{cycleId}/extend")
    String extend(
            @PathVariable String cycleId,
            @RequestParam(required = false) String extension,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal StaffUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        try {
            return perform(cycleId, flash, () -> actions.extend(user, cycleId, extension, reason));
        } catch (RefusedField refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            Map<String, String> errors = refused.fields();
            model.addAttribute(
                    "extendForm", new ExtendForm(extension, reason, errors.get("extension"), errors.get("reason")));
            return PageViewResolver.show(model, pages.show(cycleId, 1, 1, user, request), "cycle");
        }
    }

    @PostMapping("/cycles/{cycleId}/close")
    String close(
            @PathVariable String cycleId,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal StaffUser user,
            RedirectAttributes flash) {
        return perform(cycleId, flash, () -> actions.closeWindow(user, cycleId, reason));
    }

    @PostMapping("/cycles/{cycleId}/recount")
    String recount(@PathVariable String cycleId, @AuthenticationPrincipal StaffUser user, RedirectAttributes flash) {
        return perform(cycleId, flash, () -> actions.recount(user, cycleId));
    }

    @PostMapping("/cycles/{cycleId}/certify")
    String certify(@PathVariable String cycleId, @AuthenticationPrincipal StaffUser user, RedirectAttributes flash) {
        return perform(cycleId, flash, () -> actions.certify(user, cycleId));
    }

    @PostMapping("/cycles/{cycleId}/withdraw")
    String withdraw(
            @PathVariable String cycleId,
            @RequestParam long candidacyId,
            @AuthenticationPrincipal StaffUser user,
            RedirectAttributes flash) {
        return perform(cycleId, flash, () -> actions.withdraw(user, cycleId, candidacyId));
    }

    @PostMapping("/cycles/{cycleId}/cancel")
    String cancel(
            @PathVariable String cycleId,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal StaffUser user,
            RedirectAttributes flash) {
        return perform(cycleId, flash, () -> actions.cancel(user, cycleId, reason));
    }

    /** A refusal by the cycle's rules is an outcome to show on the page; a refused role is a 403 (not caught). */
    private String perform(String cycleId, RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("flash", Flash.done(capitalized(format.text(action.get()))));
        } catch (RefusedField besideItsField) {
            throw besideItsField;
        } catch (CycleActionRefused | IllegalArgumentException | IllegalStateException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Refused: " + refused.getMessage()));
        }
        return "redirect:/cycles/" + cycleId;
    }

    private static VettingDecision.Verdict verdict(String text) {
        try {
            return VettingDecision.Verdict.valueOf(text.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a verdict is APPROVE, REJECT or REQUEST_INFO");
        }
    }

    private static String capitalized(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
