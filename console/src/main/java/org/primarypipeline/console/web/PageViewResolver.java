package org.primarypipeline.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Console pages are Mustache.java templates under {@code console/pages/} (the engine the emails use).
 * A page renders its content, which the shared layout then wraps with the navigation the account's
 * role allows, the CSRF token and any flash message. Names under {@code fragments/} are parts of a
 * page that htmx swaps in, sent without the layout. Names under {@code public/} are not resolved here:
 * those pages have their own layout and headers ({@link PublicPageView}). Both render through the one
 * engine in {@link Templates}.
 */
@Component
public class PageViewResolver implements ViewResolver, Ordered {

    /** The model attribute that holds a page's typed model (a record); see {@link #show}. */
    public static final String PAGE = "page";

    /** A rendered page's body, for the layout. */
    public record Content(String content) {}

    /** Puts a page's typed model in the Spring model; returns the view name, for {@code return show(...)}. */
    public static String show(Model model, Object page, String view) {
        model.addAttribute(PAGE, page);
        return view;
    }

    private final Assets assets;

    public PageViewResolver(Assets assets) {
        this.assets = assets;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public View resolveViewName(String viewName, Locale locale) {
        if (viewName.contains(":") || viewName.startsWith(PublicPageView.FOLDER) || !Templates.exists(viewName)) {
            return null;
        }
        return new PageView(viewName);
    }

    private final class PageView implements View {
        private final String name;

        PageView(String name) {
            this.name = name;
        }

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            Common common = common(request);
            Map<String, ?> attributes = model == null ? Map.of() : model;
            // a typed page model is a scope of its own, so templates name its fields as they would a key
            Object page = attributes.get(PAGE) == null ? Map.of() : attributes.get(PAGE);
            String content = execute(name, List.of(common, attributes, page));
            response.setContentType(getContentType());
            if (!name.startsWith("fragments/")) {
                content = execute("_layout", List.of(common, attributes, page, new Content(content)));
            }
            Writer out = response.getWriter();
            out.write(content);
            out.flush();
        }
    }

    private static String execute(String template, List<Object> scopes) {
        return Templates.render(template, scopes.toArray());
    }

    /** Who is signed in, as the layout shows them. */
    public record SignedIn(String name, String role) {}

    /** What the account may do, for {{#can.steerCycles}} and the like in templates. */
    public record Can(
            boolean view, boolean steerCycles, boolean readAudit, boolean signOffFinance, boolean manageUsers) {
        static Can of(StaffUser user) {
            return new Can(
                    user.can(Right.VIEW),
                    user.can(Right.STEER_CYCLES),
                    user.can(Right.READ_AUDIT),
                    user.can(Right.SIGN_OFF_FINANCE),
                    user.can(Right.MANAGE_USERS));
        }
    }

    public record NavItem(String href, String label, boolean current) {}

    public record Csrf(String parameterName, String token, String headerName) {}

    public record AssetLinks(String htmx, String chartJs, String css, String js) {}

    /** What every page and the layout may use: who is signed in, what they may do, the token, the assets. */
    public record Common(SignedIn user, Can can, List<NavItem> nav, Csrf csrf, AssetLinks assets) {}

    private Common common(HttpServletRequest request) {
        StaffUser user = currentUser();
        Csrf csrf = request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token
                ? new Csrf(token.getParameterName(), token.getToken(), token.getHeaderName())
                : null;
        AssetLinks links = new AssetLinks(assets.htmx(), assets.chartJs(), "/console/app.css", "/console/app.js");
        if (user == null) {
            return new Common(null, null, null, csrf, links);
        }
        return new Common(
                new SignedIn(user.getUsername(), user.role().label()),
                Can.of(user),
                nav(user, request.getRequestURI()),
                csrf,
                links);
    }

    static StaffUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof StaffUser u ? u : null;
    }

    private static List<NavItem> nav(StaffUser user, String path) {
        List<NavItem> items = new ArrayList<>();
        item(items, path, "/", "Dashboard", user.can(Right.VIEW));
        item(items, path, "/districts", "Districts", user.can(Right.VIEW));
        item(items, path, "/cycles", "Cycles", user.can(Right.VIEW));
        item(items, path, "/supporters", "Supporters", user.can(Right.VIEW));
        item(items, path, "/pledge", "Pledge", user.can(Right.VIEW));
        item(items, path, "/campaigns", "Campaigns", user.can(Right.VIEW) || user.can(Right.ORGANIZE));
        item(items, path, "/finance", "Finance", user.can(Right.SIGN_OFF_FINANCE));
        item(items, path, "/outbox/dead-letters", "Dead letters", user.can(Right.STEER_CYCLES));
        item(items, path, "/mailbox", "Mailbox", user.can(Right.STEER_CYCLES));
        item(items, path, "/audit", "Audit log", user.can(Right.READ_AUDIT));
        item(items, path, "/users", "Users", user.can(Right.MANAGE_USERS));
        item(items, path, "/swagger-ui.html", "API", user.can(Right.VIEW));
        return items;
    }

    private static void item(List<NavItem> items, String path, String href, String label, boolean allowed) {
        if (allowed) {
            boolean current = href.equals("/") ? path.equals("/") : path.startsWith(href);
            items.add(new NavItem(href, label, current));
        }
    }
}
