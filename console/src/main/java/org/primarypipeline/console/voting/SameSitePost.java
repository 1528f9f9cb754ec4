package org.primarypipeline.console.voting;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a form post came from this app's own pages. {@code /ballot/open} sets the ballot session's
 * cookie, so a page elsewhere posting its own link there from a member's browser would plant its
 * session on them. Browsers say where a post comes from: Sec-Fetch-Site (current ones), Origin (all of
 * them on a POST). A request with neither is not from a browser's form and plants nothing.
 */
public final class SameSitePost {

    private SameSitePost() {}

    public static boolean fromThisApp(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && site.equalsIgnoreCase("same-origin")) {
            // no page can forge this header; and a form on a no-referrer page (every personal page) is
            // sent with "Origin: null", so the origin cannot be asked for once the browser has answered
            return true;
        }
        if (site != null && !site.equalsIgnoreCase("none")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        return origin == null || origin.equalsIgnoreCase(ownOrigin(request));
    }

    /** As the browser sees this app: through a trusted proxy, its forwarded scheme, host and port. */
    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean usual = port < 0 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return URI.create(scheme + "://" + request.getServerName() + (usual ? "" : ":" + port))
                .toString();
    }
}
