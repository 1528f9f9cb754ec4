package org.primarypipeline.console.districts;

import java.util.Map;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.PageViewResolver;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** How the ranking works, and the weights preview (its one door is {@link RankingPreview}). */
@Controller
public class RankingModelController implements ConsolePage {

    private final RankingModelPages pages;
    private final RankingPreview preview;
    private final Permissions permissions;

    public RankingModelController(RankingModelPages pages, RankingPreview preview, Permissions permissions) {
        this.pages = pages;
        this.preview = preview;
        this.permissions = permissions;
    }

    @GetMapping("/districts/model")
    String model(@AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.VIEW, "page.district-model", "");
        return PageViewResolver.show(model, pages.model(), "district-model");
    }

    /** A GET form: the preview changes nothing, so its address can be shared and bookmarked. */
    @GetMapping("/districts/weights")
    String weights(@RequestParam Map<String, String> typed, @AuthenticationPrincipal StaffUser user, Model model) {
        return PageViewResolver.show(model, pages.weights(preview.preview(user, typed)), "district-weights");
    }
}
