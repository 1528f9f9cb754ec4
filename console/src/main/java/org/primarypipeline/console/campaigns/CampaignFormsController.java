package org.primarypipeline.console.campaigns;

import java.util.function.Supplier;
import org.primarypipeline.console.cycles.CycleActionRefused;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cycle page's campaign buttons: each form to one command, back to the cycle with a one-line outcome. */
@Controller
public class CampaignFormsController implements ConsolePage {

    private final EndCampaign end;
    private final ExtendCampaign extend;

    public CampaignFormsController(EndCampaign end, ExtendCampaign extend) {
        this.end = end;
        this.extend = extend;
    }

    @PostMapping("/cycles/{cycleId}/campaign/end")
    String end(
            @PathVariable String cycleId,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal StaffUser user,
            RedirectAttributes flash) {
        return perform(cycleId, flash, () -> end.perform(user, cycleId, reason));
    }

    @PostMapping("/cycles/{cycleId}/campaign/extend")
    String extend(
            @PathVariable String cycleId,
            @RequestParam(required = false) String days,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal StaffUser user,
            RedirectAttributes flash) {
        return perform(cycleId, flash, () -> extend.perform(user, cycleId, number(days), reason));
    }

    private static Integer number(String days) {
        try {
            return days == null || days.isBlank() ? null : Integer.valueOf(days.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an extension is a number of days");
        }
    }

    private static String perform(String cycleId, RedirectAttributes flash, Supplier<String> action) {
        try {
            String done = action.get();
            flash.addFlashAttribute("flash", Flash.done(Character.toUpperCase(done.charAt(0)) + done.substring(1)));
        } catch (CycleActionRefused | IllegalArgumentException | IllegalStateException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Refused: " + refused.getMessage()));
        }
        return "redirect:/cycles/" + cycleId;
    }
}
