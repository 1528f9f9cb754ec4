package org.primarypipeline.console.districts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.ErrorPage;
import org.primarypipeline.console.web.PageViewResolver;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The prioritized districts and one district's page (the launch form is {@link LaunchController}). */
@Controller
public class DistrictsController implements ConsolePage {

    public static final int PAGE_SIZE = 25;

    private final DistrictPages pages;
    private final Permissions permissions;

    public DistrictsController(DistrictPages pages, Permissions permissions) {
        this.pages = pages;
        this.permissions = permissions;
    }

    @GetMapping("/districts")
    String list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String path,
            @RequestParam(required = false) String minScore,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal StaffUser user,
            HttpServletRequest request,
            Model model) {
        permissions.require(user, Right.VIEW, "page.districts", "");
        return PageViewResolver.show(
                model, pages.list(state, path, minScore, q, sort, page, PAGE_SIZE, request), "districts");
    }

    @GetMapping("/districts/{district}")
    String district(
            @PathVariable String district,
            @AuthenticationPrincipal StaffUser user,
            Model model,
            HttpServletResponse response) {
        permissions.require(user, Right.VIEW, "page.district", district);
        return pages.detail(district)
                .map(page -> PageViewResolver.show(model, page, "district"))
                .orElseGet(() -> ErrorPage.of(
                                HttpServletResponse.SC_NOT_FOUND,
                                "Not found",
                                "There is no district " + district + " in the current plan.")
                        .show(response, model));
    }
}
