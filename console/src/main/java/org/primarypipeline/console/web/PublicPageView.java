package org.primarypipeline.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Pages people reach without an account (ballot, nomination, invitation, fundraiser): a template under
 * {@code console/pages/public/} rendered with its {@link PublicPage} record, inside
 * {@code public/_layout}. Plain forms and no script, so a page fits a phone and works anywhere.
 * <p>
 * A <em>personal</em> page is opened from a link that carries a token and holds a person's own choices:
 * its policy forbids every script and every outside resource, nothing is cached or sent on as a
 * referrer. An <em>open</em> page (a fundraiser, its donation form) keeps the public filter chain's
 * headers, since its form hands the donor on to the payment processor.
 * <p>
 * The controller hands back the view itself rather than its name, so a page renders the same way in a
 * test that builds its controller by hand.
 * <p>
 * Words come from the message bundles ({@link PageTexts}: {@code {{#t}}key{{/t}}}), in the language
 * {@link PageLanguage} picks; a page that knows its member passes their {@code member.locale}.
 */
public final class PublicPageView implements View {

    static final String FOLDER = "public/";

    public static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * A personal page that runs one script of our own (the walk list's offline queue): scripts and requests
     * only to this site, nothing inline.
     */
    public static final String POLICY_OWN_SCRIPT = "default-src 'none'; script-src 'self'; connect-src 'self'; "
            + "style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final String PAGE = "page";

    private final String template;
    private final boolean personal;
    private final Language members;
    private final String policy;

    private PublicPageView(String template, boolean personal, Language members) {
        this(template, personal, members, POLICY);
    }

    private PublicPageView(String template, boolean personal, Language members, String policy) {
        this.template = template;
        this.personal = personal;
        this.members = members;
        this.policy = policy;
    }

    /** A page opened from a personal link: strict policy, never cached, no referrer. */
    public static ModelAndView personal(HttpStatus status, String template, PublicPage page) {
        return view(new PublicPageView(template, true, null), status, page);
    }

    /** A personal page of a known member, in the language they chose unless this browser switched. */
    public static ModelAndView personal(HttpStatus status, String template, PublicPage page, Language members) {
        return view(new PublicPageView(template, true, members), status, page);
    }

    /** A personal page of a known member that loads its one script from this site ({@link #POLICY_OWN_SCRIPT}). */
    public static ModelAndView personalWithOwnScript(
            HttpStatus status, String template, PublicPage page, Language members) {
        return view(new PublicPageView(template, true, members, POLICY_OWN_SCRIPT), status, page);
    }

    /** A page anyone may open and share, with the public filter chain's headers. */
    public static ModelAndView open(HttpStatus status, String template, PublicPage page) {
        return view(new PublicPageView(template, false, null), status, page);
    }

    private static ModelAndView view(PublicPageView view, HttpStatus status, PublicPage page) {
        ModelAndView mav = new ModelAndView(view, PAGE, page);
        mav.setStatus(status);
        return mav;
    }

    /** After a form post: 303 See Other, so that reloading the next page posts nothing again. */
    public static ModelAndView seeOther(String location) {
        RedirectView redirect = new RedirectView(location);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(redirect);
    }

    /** The page's HTML in English, for tests and for anything that needs the text without a response. */
    public static String html(String template, PublicPage page) {
        return html(template, page, Language.EN);
    }

    /** The page's HTML in {@code language}; the page's own fields win over the shared words' scope. */
    public static String html(String template, PublicPage page, Language language) {
        PageTexts.Scope words = PageTexts.scope(language);
        String content = Templates.render(FOLDER + template, words, page);
        return Templates.render(FOLDER + "_layout", words, page, new Frame(content));
    }

    @Override
    public String getContentType() {
        return "text/html;charset=UTF-8";
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        PageLanguage.remember(request, response);
        String html = html(template, (PublicPage) model.get(PAGE), PageLanguage.of(request, members));
        if (personal) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("Content-Security-Policy", policy);
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("X-Frame-Options", "DENY");
            response.addHeader(HttpHeaders.VARY, "Cookie");
        }
        response.setContentType(getContentType());
        response.getWriter().write(html);
        response.getWriter().flush();
    }

    /** What the layout wraps: the page's own HTML, already escaped by its template. */
    private record Frame(String content) {}
}
