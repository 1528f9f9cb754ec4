package org.primarypipeline.console.campaigns;

import org.primarypipeline.campaigns.CampaignDashboardData;
import org.primarypipeline.console.cycles.UnknownCycleException;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.PageViewResolver;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaigns in the console: the list and one campaign's dashboard (events by status, shifts,
 * people by level, contacts, donations by refcode, weekly activity, hosts, goals), the goal form and
 * the message to the district's volunteers. Staff see every campaign; an organizer only those of their
 * districts ({@link CampaignAccess}).
 */
@Controller
public class CampaignDashboardController implements ConsolePage {

    private final CampaignDashboardData data;
    private final CampaignDashboardPages pages;
    private final CampaignAccess access;
    private final SetCampaignGoal setGoal;
    private final MessageVolunteers message;

    public CampaignDashboardController(
            CampaignDashboardData data,
            CampaignDashboardPages pages,
            CampaignAccess access,
            SetCampaignGoal setGoal,
            MessageVolunteers message) {
        this.data = data;
        this.pages = pages;
        this.access = access;
        this.setGoal = setGoal;
        this.message = message;
    }

    @GetMapping("/campaigns")
    String list(@AuthenticationPrincipal StaffUser user, Model model) {
        return PageViewResolver.show(model, pages.list(access.listable(user)), "campaigns");
    }

    @GetMapping("/campaigns/{cycleId}")
    String dashboard(@PathVariable String cycleId, @AuthenticationPrincipal StaffUser user, Model model) {
        String district = data.districtOf(cycleId).orElse(null);
        access.require(user, Right.VIEW, "page.campaign", cycleId, district);
        CampaignDashboardData.Campaign campaign =
                data.campaign(cycleId).orElseThrow(() -> new UnknownCycleException(cycleId));
        boolean canMessage = user.can(Right.STEER_CYCLES) || user.can(Right.ORGANIZE);
        return PageViewResolver.show(model, pages.page(campaign, user.can(Right.STEER_CYCLES), canMessage), "campaign");
    }

    @PostMapping("/campaigns/{cycleId}/goals")
    String goal(
            @PathVariable String cycleId,
            @RequestParam(defaultValue = "") String metric,
            @RequestParam(defaultValue = "") String target,
            @AuthenticationPrincipal StaffUser user,
            RedirectAttributes flash) {
        try {
            setGoal.perform(user, cycleId, metric, target);
            flash.addFlashAttribute("flash", Flash.done("Goal saved"));
        } catch (SetCampaignGoal.Refused refused) {
            flash.addFlashAttribute("flash", Flash.refused("The goal was not saved: " + refused.getMessage() + "."));
        }
        return "redirect:/campaigns/" + cycleId;
    }

    @PostMapping("/campaigns/{cycleId}/message")
    String message(
            @PathVariable String cycleId,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            @AuthenticationPrincipal StaffUser user,
            RedirectAttributes flash) {
        try {
            int queued = message.perform(user, cycleId, subject, body);
            flash.addFlashAttribute(
                    "flash", Flash.done("Message queued for " + queued + (queued == 1 ? " volunteer" : " volunteers")));
        } catch (MessageVolunteers.Refused refused) {
            flash.addFlashAttribute("flash", Flash.refused("The message was not sent: " + refused.getMessage() + "."));
        }
        return "redirect:/campaigns/" + cycleId;
    }
}
