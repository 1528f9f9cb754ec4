package org.primarypipeline.console.cycles;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.PageViewResolver;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cycle pages: the filtered list, and one cycle with its live state, the actions its stage allows,
 * nominees, turnout, result, recount, fundraiser and timeline ({@link CyclePages} puts them together).
 * The action forms post to {@link CycleFormsController}.
 */
@Controller
public class CyclesController implements ConsolePage {

    private final CyclePages pages;
    private final Permissions permissions;

    public CyclesController(CyclePages pages, Permissions permissions) {
        this.pages = pages;
        this.permissions = permissions;
    }

    @GetMapping("/cycles")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal StaffUser user,
            HttpServletRequest request,
            Model model) {
        permissions.require(user, Right.VIEW, "page.cycles", "");
        CycleReadModel.Filter filter = new CycleReadModel.Filter(
                known(status, CycleStatus.values()),
                known(stage, CycleStage.values()),
                q == null || q.isBlank() ? null : q.trim());
        model.addAttribute(PageViewResolver.PAGE, pages.list(filter, page, request));
        return "cycles";
    }

    @GetMapping("/cycles/{cycleId}")
    String show(
            @PathVariable String cycleId,
            @RequestParam(defaultValue = "1") int events,
            @RequestParam(defaultValue = "1") int nomineesPage,
            @AuthenticationPrincipal StaffUser user,
            HttpServletRequest request,
            Model model) {
        permissions.require(user, Right.VIEW, "page.cycle", cycleId);
        model.addAttribute(PageViewResolver.PAGE, pages.show(cycleId, events, nomineesPage, user, request));
        return "cycle";
    }

    /**
     * The live part of the cycle page, polled by htmx. When the stage or status has moved on since the
     * page was drawn, the whole page is redrawn instead, because the actions allowed have changed too.
     */
    @GetMapping("/cycles/{cycleId}/live")
    String live(
            @PathVariable String cycleId,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String status,
            @AuthenticationPrincipal StaffUser user,
            HttpServletResponse response,
            Model model) {
        permissions.require(user, Right.VIEW, "page.cycle", cycleId);
        CyclePages.Live live = pages.live(cycleId, user);
        if ((stage != null && !stage.equals(live.stage().name()))
                || (status != null && !status.equals(live.status().name()))) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute(PageViewResolver.PAGE, live.fragment());
        return "fragments/cycle-live";
    }

    /** The constant a filter parameter names, ignoring case; anything else means no filter. */
    private static <E extends Enum<E>> E known(String value, E[] values) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E e : values) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        return null;
    }
}
