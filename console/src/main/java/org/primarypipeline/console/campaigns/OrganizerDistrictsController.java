package org.primarypipeline.console.campaigns;

import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console door of {@link GrantOrganizerDistricts}: the form on the campaigns page, for admins. */
@Controller
public class OrganizerDistrictsController implements ConsolePage {

    private final GrantOrganizerDistricts grant;

    public OrganizerDistrictsController(GrantOrganizerDistricts grant) {
        this.grant = grant;
    }

    @PostMapping("/campaigns/organizers")
    String grant(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String districts,
            @RequestParam(defaultValue = "grant") String action,
            @AuthenticationPrincipal StaffUser user,
            RedirectAttributes flash) {
        try {
            if ("revoke".equals(action)) {
                grant.revoke(user, username, districts);
                flash.addFlashAttribute("flash", Flash.done(username + " no longer organizes " + districts));
            } else {
                flash.addFlashAttribute(
                        "flash",
                        Flash.done(
                                username + " organizes " + String.join(", ", grant.grant(user, username, districts))));
            }
        } catch (GrantOrganizerDistricts.Refused refused) {
            flash.addFlashAttribute("flash", Flash.refused("Nothing changed: " + refused.getMessage() + "."));
        }
        return "redirect:/campaigns";
    }
}
