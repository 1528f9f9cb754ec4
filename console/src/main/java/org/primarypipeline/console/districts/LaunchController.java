package org.primarypipeline.console.districts;

import jakarta.servlet.http.HttpServletResponse;
import org.primarypipeline.console.cycles.CycleActions;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.console.web.PageViewResolver;
import org.primarypipeline.cycles.CycleRecord;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The form that launches a cycle in a district; the launch itself is {@link CycleActions#launch}. */
@Controller
public class LaunchController implements ConsolePage {

    private final LaunchPages pages;
    private final CycleActions actions;
    private final Permissions permissions;
    private final Format format;

    public LaunchController(LaunchPages pages, CycleActions actions, Permissions permissions, Format format) {
        this.pages = pages;
        this.actions = actions;
        this.permissions = permissions;
        this.format = format;
    }

    @GetMapping("/districts/{district}/launch")
    String launchForm(@PathVariable String district, @AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.STEER_CYCLES, "page.launch", district);
        return PageViewResolver.show(model, pages.form(district, LaunchForm.defaults(), null, null), "launch");
    }

    /** The dates the windows would close on if each ran its full length: htmx refreshes it while typing. */
    @GetMapping("/districts/{district}/launch/schedule")
    String schedule(
            @PathVariable String district,
            @ModelAttribute LaunchForm form,
            @AuthenticationPrincipal StaffUser user,
            Model model) {
        permissions.require(user, Right.STEER_CYCLES, "page.launch", district);
        return PageViewResolver.show(
                model, new LaunchPages.Schedule(pages.schedule(form)), "fragments/launch-schedule");
    }

    @PostMapping("/districts/{district}/launch")
    String launch(
            @PathVariable String district,
            @ModelAttribute LaunchForm form,
            @AuthenticationPrincipal StaffUser user,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        LaunchFormCheck.Problems problems = LaunchFormCheck.check(form);
        if (!problems.all().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return PageViewResolver.show(model, pages.form(district, form, problems, null), "launch");
        }
        try {
            CycleRecord cycle = actions.launch(user, form.order(district));
            flash.addFlashAttribute(
                    "flash",
                    Flash.done(
                            "Launched " + cycle.id() + ": pledge vetting until " + format.when(cycle.stageDeadline())));
            return "redirect:/cycles/" + cycle.id();
        } catch (IllegalArgumentException | IllegalStateException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            String field = LaunchPages.fieldOf(refused.getMessage());
            LaunchPages.Page page = field.isEmpty()
                    ? pages.form(district, form, null, refused.getMessage())
                    : pages.form(district, form, LaunchFormCheck.Problems.about(field, refused.getMessage()), null);
            return PageViewResolver.show(model, page, "launch");
        }
    }
}
