package org.primarypipeline.console.vetting;

import java.util.List;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.PageViewResolver;
import org.primarypipeline.vetting.PledgeRepository;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages for vetting: a candidacy's profile, eligibility, checklist and timeline (what was sent
 * when, what they did); a cycle's confirmed nominations with their endorsements; the pledge versions,
 * with publishing a new one and recording a signature's withdrawal ({@link PublishPledge},
 * {@link WithdrawPledgeSignature}, the same commands as the API's).
 */
@Controller
public class VettingPagesController implements ConsolePage {

    private final VettingPages pages;
    private final PublishPledge publishPledge;
    private final WithdrawPledgeSignature withdrawSignature;
    private final Permissions permissions;

    public VettingPagesController(
            VettingPages pages,
            PublishPledge publishPledge,
            WithdrawPledgeSignature withdrawSignature,
            Permissions permissions) {
        this.pages = pages;
        this.publishPledge = publishPledge;
        this.withdrawSignature = withdrawSignature;
        this.permissions = permissions;
    }

    @GetMapping("/cycles/{cycleId}/candidacies/{candidacyId}")
    String candidacy(
            @PathVariable String cycleId,
            @PathVariable long candidacyId,
            @AuthenticationPrincipal StaffUser user,
            Model model) {
        permissions.require(user, Right.VIEW, "page.candidacy", cycleId + "/" + candidacyId);
        return PageViewResolver.show(model, pages.candidacy(cycleId, candidacyId), "candidacy");
    }

    @GetMapping("/cycles/{cycleId}/nominations")
    String nominationsPage(@PathVariable String cycleId, @AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.VIEW, "page.nominations", cycleId);
        return PageViewResolver.show(model, pages.nominations(cycleId), "nominations");
    }

    @GetMapping("/pledge")
    String pledgePage(@AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.VIEW, "page.pledge", "");
        return PageViewResolver.show(model, pages.pledge(), "pledge");
    }

    @PostMapping("/pledge")
    String publish(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String principles,
            @RequestParam(defaultValue = "") String body,
            @AuthenticationPrincipal StaffUser user,
            RedirectAttributes flash) {
        try {
            PledgeRepository.PledgeVersion v = publishPledge.perform(user, title, principles, body);
            flash.addFlashAttribute("flash", Flash.done("Published pledge version " + v.version()));
        } catch (IllegalArgumentException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Refused: " + refused.getMessage()));
        }
        return "redirect:/pledge";
    }

    @PostMapping("/candidates/{candidateId}/pledge/withdraw")
    String withdraw(
            @PathVariable long candidateId,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String back,
            @AuthenticationPrincipal StaffUser user,
            RedirectAttributes flash) {
        try {
            List<Long> off = withdrawSignature.perform(user, candidateId, reason);
            flash.addFlashAttribute("flash", Flash.done("Signature withdrawn; off " + off.size() + " open ballot(s)"));
        } catch (IllegalArgumentException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Refused: " + refused.getMessage()));
        }
        return "redirect:" + (back.matches("/cycles/[A-Za-z0-9-]+/candidacies/\\d+") ? back : "/pledge");
    }
}
