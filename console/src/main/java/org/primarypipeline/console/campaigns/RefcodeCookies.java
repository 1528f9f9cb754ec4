package org.primarypipeline.console.campaigns;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.primarypipeline.campaigns.Attribution;
import org.primarypipeline.campaigns.Refcodes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The share codes a visitor's browser carries, for the three doors that record them (join, RSVP,
 * donation: {@link Attribution}). A GET with {@code ?r=CODE} of a code we issued sets the last-touch
 * cookie, and the first-touch cookie when there is none yet (first touch is set once); both HttpOnly,
 * SameSite=Lax, 90 days. A code we never issued sets nothing. {@link #touch} reads the pair back,
 * counting a code in the request itself (the page was opened straight from a shared link).
 */
@Component
public class RefcodeCookies extends OncePerRequestFilter {

    public static final String PARAMETER = "r";
    public static final String FIRST = "pp_rf";
    public static final String LAST = "pp_rl";
    static final Duration KEPT = Duration.ofDays(90);

    private final Refcodes refcodes;

    public RefcodeCookies(Refcodes refcodes) {
        this.refcodes = refcodes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String code = request.getParameter(PARAMETER);
        if ("GET".equals(request.getMethod())
                && Refcodes.wellFormed(code)
                && refcodes.known(code).isPresent()) {
            if (cookie(request, FIRST) == null) {
                response.addHeader(HttpHeaders.SET_COOKIE, cookie(FIRST, code, request));
            }
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(LAST, code, request));
        }
        chain.doFilter(request, response);
    }

    /** The pair this request carries: the cookies, or the link's own code when this is the first visit. */
    public static Attribution.Touch touch(HttpServletRequest request) {
        String asked = request.getParameter(PARAMETER);
        String here = Refcodes.wellFormed(asked) ? asked : null;
        String first = cookie(request, FIRST);
        String last = cookie(request, LAST);
        return new Attribution.Touch(first != null ? first : here, here != null ? here : last);
    }

    private static String cookie(String name, String code, HttpServletRequest request) {
        return ResponseCookie.from(name, code)
                .path("/")
                .maxAge(KEPT)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .build()
                .toString();
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName()) && Refcodes.wellFormed(c.getValue())) {
                return c.getValue();
            }
        }
        return null;
    }
}
