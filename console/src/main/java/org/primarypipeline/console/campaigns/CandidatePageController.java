package org.primarypipeline.console.campaigns;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.primarypipeline.campaigns.CandidatePageData;
import org.primarypipeline.campaigns.Refcodes;
import org.primarypipeline.console.campaigns.CandidatePageModels.Note;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.platform.PublicDoor;
import org.primarypipeline.templates.Toolkit;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The candidate's public page {@code /c/{cycleId}} and its toolkit. A cycle id may hold a slash
 * (TX-07/2026-1), so the path after {@code /c/} is read whole: {@code .../toolkit} is the toolkit,
 * {@code .../toolkit/flyer} the printable flyer, {@code .../toolkit/{item}.md} a download; anything
 * else is the cycle id. No script; open pages (their donate link hands on to the payment processor).
 */
@PublicDoor
@Controller
public class CandidatePageController {

    private static final String TOOLKIT = "/toolkit";

    private final CandidatePages pages;

    public CandidatePageController(CandidatePages pages) {
        this.pages = pages;
    }

    @GetMapping("/c/**")
    public Object candidate(HttpServletRequest request) {
        String rest = URLDecoder.decode(
                request.getRequestURI().substring(request.getContextPath().length() + "/c/".length()),
                StandardCharsets.UTF_8);
        Language language = PageLanguage.of(request, null);
        String asked = request.getParameter(RefcodeCookies.PARAMETER);
        String code = Refcodes.wellFormed(asked) ? asked : null;
        int toolkit = rest.lastIndexOf(TOOLKIT);
        if (toolkit > 0 && (rest.endsWith(TOOLKIT) || rest.indexOf('/', toolkit + TOOLKIT.length() + 1) < 0)) {
            String item = rest.substring(toolkit + TOOLKIT.length());
            Optional<CandidatePageData.Candidate> found = pages.candidate(rest.substring(0, toolkit));
            if (found.isPresent()) {
                return toolkit(found.get(), item, language, code);
            }
        }
        return pages.candidate(rest)
                .<Object>map(
                        c -> PublicPageView.open(HttpStatus.OK, "campaigns/candidate", pages.page(c, language, code)))
                .orElseGet(() -> notFound(language));
    }

    private Object toolkit(CandidatePageData.Candidate c, String item, Language language, String code) {
        if (item.isEmpty() || item.equals("/")) {
            return PublicPageView.open(HttpStatus.OK, "campaigns/toolkit", pages.toolkit(c, language));
        }
        if (item.equals("/flyer")) {
            return PublicPageView.open(HttpStatus.OK, "campaigns/flyer", pages.flyer(c, language));
        }
        String name = item.substring(1).replaceFirst("\\.md$", "");
        if (!item.endsWith(".md") || !Toolkit.ITEMS.contains(name)) {
            return notFound(language);
        }
        String markdown = Toolkit.render(name, language.tag(), pages.toolkitModel(c, language, code));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name + "-" + c.districtId() + ".md")
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(markdown);
    }

    private static ModelAndView notFound(Language language) {
        return PublicPageView.open(
                HttpStatus.NOT_FOUND,
                "campaigns/note",
                new Note(
                        PageTexts.text(language, "candidate.not-found-title"),
                        PageTexts.text(language, "candidate.not-found")));
    }
}
