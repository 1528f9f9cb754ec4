package org.primarypipeline.console.users;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.primarypipeline.contacts.CallerLinks;
import org.primarypipeline.supporters.MemberSessions;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the members' session cookie and, when it holds a live session, signs the request in as that
 * {@link SignedInMember}. A form post of a session must carry the session's form key: a post without it
 * (another site's form riding on the cookie) is refused with 403 before anything reads it.
 * <p>
 * Built by {@link MemberSecurityConfiguration} for the members' chain only, never a bean of its own
 * (Spring Boot would put a bean filter in front of every request).
 */
public final class MemberSessionFilter extends OncePerRequestFilter {

    public static final String COOKIE = "pp_member";

    private final MemberSessions sessions;
    private final CallerLinks guests;

    MemberSessionFilter(MemberSessions sessions, CallerLinks guests) {
        this.sessions = sessions;
        this.guests = guests;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<MemberSessions.Session> session = sessions.find(cookie(request));
        Authentication signedIn = null;
        String formKey = null;
        if (session.isPresent()) {
            SignedInMember member =
                    new SignedInMember(session.get().memberId(), session.get().formKey());
            signedIn = member.authentication();
            formKey = member.formKey();
        } else {
            // a guest caller's session counts on its campaign's call page only; elsewhere it is nobody
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            Optional<GuestCaller> guest = guests.find(cookie(request, GuestCaller.COOKIE))
                    .map(g -> new GuestCaller(g.id(), g.cycleId(), g.callerName(), g.formKey()))
                    .filter(g -> g.opens(path));
            if (guest.isPresent()) {
                signedIn = guest.get().authentication();
                formKey = guest.get().formKey();
            }
        }
        if (signedIn != null) {
            if ("POST".equals(request.getMethod()) && !openToAll(request) && !carriesFormKey(request, formKey)) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(signedIn);
            SecurityContextHolder.setContext(context);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The session key of the members' cookie, or null. */
    public static String cookie(HttpServletRequest request) {
        return cookie(request, COOKIE);
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    /** Asking for a link and following one (a sign-in or a guest caller's event link): forms of no session, which the session's key does not guard. */
    private static boolean openToAll(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/me/sign-in") || path.startsWith("/me/sign-in/") || path.startsWith("/me/call-link/");
    }

    private static boolean carriesFormKey(HttpServletRequest request, String expected) {
        String given = request.getParameter(SignedInMember.FORM_KEY);
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
