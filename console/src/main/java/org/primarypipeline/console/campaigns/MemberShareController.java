package org.primarypipeline.console.campaigns;

import jakarta.servlet.http.HttpServletRequest;
import org.primarypipeline.console.campaigns.CandidatePageModels.MyShare;
import org.primarypipeline.console.campaigns.CandidatePageModels.Note;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** "Invite people you know": the signed-in member's own share links for a candidate page ({@code /me/share}). */
@Controller
public class MemberShareController {

    private final MemberSharing sharing;

    public MemberShareController(MemberSharing sharing) {
        this.sharing = sharing;
    }

    @GetMapping("/me/share")
    public ModelAndView share(
            @AuthenticationPrincipal SignedInMember me,
            @RequestParam(defaultValue = "") String cycle,
            HttpServletRequest request) {
        Language language = PageLanguage.of(request, null);
        MyShare page = cycle.isBlank() ? null : sharing.page(me.memberId(), cycle, language);
        if (page == null) {
            return PublicPageView.personal(
                    HttpStatus.NOT_FOUND,
                    "campaigns/note",
                    new Note(PageTexts.text(language, "share.title"), PageTexts.text(language, "share.no-race")));
        }
        return PublicPageView.personal(HttpStatus.OK, "campaigns/share", page);
    }
}
