package org.primarypipeline.console.cycles.dashboard;

import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.PageViewResolver;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after signing in: where the cycles are, what is due, what waits for staff. */
@Controller
public class DashboardController implements ConsolePage {

    private final DashboardPages pages;
    private final Permissions permissions;

    public DashboardController(DashboardPages pages, Permissions permissions) {
        this.pages = pages;
        this.permissions = permissions;
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.VIEW, "page.dashboard", "");
        model.addAttribute(PageViewResolver.PAGE, pages.dashboard(user.can(Right.SIGN_OFF_FINANCE)));
        return "dashboard";
    }
}
