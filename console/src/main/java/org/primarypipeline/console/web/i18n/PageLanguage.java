package org.primarypipeline.console.web.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.ResponseCookie;

/**
 * Which language a member-facing page is shown in. In order: the {@code ?lang=} of this request (the
 * switch link every page carries), the choice remembered from an earlier switch (cookie
 * {@code pp_lang}), the member's own {@code member.locale} when the page knows who they are, and the
 * browser's {@code Accept-Language}. Spring's locale resolvers have no place for the third, so the
 * order is written out here.
 */
public final class PageLanguage {

    public static final String PARAMETER = "lang";
    public static final String COOKIE = "pp_lang";

    private PageLanguage() {}

    public static Language of(HttpServletRequest request, Language members) {
        String asked = request.getParameter(PARAMETER);
        if (asked != null && !asked.isBlank()) {
            return Language.of(asked);
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return Language.of(cookie.getValue());
                }
            }
        }
        if (members != null) {
            return members;
        }
        return fromBrowser(request);
    }

    /** The first of English or Spanish the browser prefers, by its {@code Accept-Language} weights. */
    public static Language fromBrowser(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Language.EN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange();
                if (tag.startsWith("es")) {
                    return Language.ES;
                }
                if (tag.startsWith("en")) {
                    return Language.EN;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Language.EN;
        }
        return Language.EN;
    }

    /** Remembers a switch made with {@code ?lang=}, so the next page keeps the language. */
    public static void remember(HttpServletRequest request, HttpServletResponse response) {
        String asked = request.getParameter(PARAMETER);
        if (asked == null || asked.isBlank()) {
            return;
        }
        ResponseCookie cookie = ResponseCookie.from(COOKIE, Language.of(asked).tag())
                .path("/")
                .maxAge(Duration.ofDays(365))
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }
}
