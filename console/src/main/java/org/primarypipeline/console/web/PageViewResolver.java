package org.primarypipeline.console.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Console pages are Mustache.java templates under {@code console/pages/} (the engine the emails use).
 * A page renders its content, which the shared layout then wraps with the navigation the account's
 * role allows, the CSRF token and any flash message. Names under {@code fragments/} are parts of a
 * page that htmx swaps in, sent without the layout.
 */
@Component
public class PageViewResolver implements ViewResolver, Ordered {

    static final String ROOT = "console/pages";

    private final MustacheFactory mustache = new DefaultMustacheFactory(ROOT);
    private final Assets assets;
    private final ClassLoader classLoader = PageViewResolver.class.getClassLoader();

    public PageViewResolver(Assets assets) {
        this.assets = assets;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public View resolveViewName(String viewName, Locale locale) {
        if (viewName.contains(":") || classLoader.getResource(ROOT + "/" + viewName + ".mustache") == null) {
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
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
            Map<String, Object> common = common(request);
            Map<String, Object> page = model == null ? Map.of() : new HashMap<>(model);
            String content = execute(name, List.of(common, page));
            response.setContentType(getContentType());
            if (!name.startsWith("fragments/")) {
                content = execute("_layout", List.of(common, page, Map.of("content", content)));
            }
            Writer out = response.getWriter();
            out.write(content);
            out.flush();
        }
    }

    private String execute(String template, List<Object> scopes) {
        Mustache compiled = mustache.compile(template + ".mustache");
        StringWriter out = new StringWriter();
        compiled.execute(out, scopes.toArray());
        return out.toString();
    }

    /** What every page and the layout may use: who is signed in, what they may do, the token, the assets. */
    private Map<String, Object> common(HttpServletRequest request) {
        Map<String, Object> common = new LinkedHashMap<>();
        StaffUser user = currentUser();
        if (user != null) {
            common.put("user", Map.of("name", user.getUsername(), "role", user.role().label()));
            Map<String, Object> can = new HashMap<>();
            for (Right right : Right.values()) {
                can.put(camel(right), user.can(right));
            }
            common.put("can", can);
            common.put("nav", nav(user, request.getRequestURI()));
        }
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            common.put("csrf", Map.of("parameterName", token.getParameterName(), "token", token.getToken(),
                    "headerName", token.getHeaderName()));
        }
        common.put("assets", Map.of("htmx", assets.htmx(), "chartJs", assets.chartJs(),
                "css", "/console/app.css", "js", "/console/app.js"));
        return common;
    }

    static StaffUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof StaffUser u ? u : null;
    }

    private static List<Map<String, Object>> nav(StaffUser user, String path) {
        List<Map<String, Object>> items = new ArrayList<>();
        item(items, path, "/", "Dashboard", user.can(Right.VIEW));
        item(items, path, "/districts", "Districts", user.can(Right.VIEW));
        item(items, path, "/cycles", "Cycles", user.can(Right.VIEW));
        item(items, path, "/supporters", "Supporters", user.can(Right.VIEW));
        item(items, path, "/pledge", "Pledge", user.can(Right.VIEW));
        item(items, path, "/finance", "Finance", user.can(Right.SIGN_OFF_FINANCE));
        item(items, path, "/outbox/dead-letters", "Dead letters", user.can(Right.STEER_CYCLES));
        item(items, path, "/audit", "Audit log", user.can(Right.READ_AUDIT));
        item(items, path, "/users", "Users", user.can(Right.MANAGE_USERS));
        item(items, path, "/swagger-ui.html", "API", user.can(Right.VIEW));
        return items;
    }

    private static void item(List<Map<String, Object>> items, String path, String href, String label, boolean allowed) {
        if (allowed) {
            boolean current = href.equals("/") ? path.equals("/") : path.startsWith(href);
            items.add(Map.of("href", href, "label", label, "current", current));
        }
    }

    /** STEER_CYCLES becomes steerCycles, for {{#can.steerCycles}} in templates. */
    private static String camel(Right right) {
        String[] words = right.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder s = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            s.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return s.toString();
    }
}
