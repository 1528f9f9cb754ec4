package org.primarypipeline.console.users;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in an API request that carries {@code Authorization: Bearer TOKEN} as the token's account. A
 * token that does not count is answered 401 at once, never passed on as an anonymous request. Not a
 * bean: the API's filter chain alone creates it (a bean would be registered for every request).
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint refuse;

    public BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint refuse) {
        this.tokens = tokens;
        this.refuse = refuse;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.Active> active =
                tokens.find(header.substring(SCHEME.length()).trim());
        if (active.isEmpty()) {
            SecurityContextHolder.clearContext();
            refuse.commence(request, response, new InvalidTokenException());
            return;
        }
        tokens.used(active.get().id());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                new TokenAuthentication(active.get().account(), active.get().id()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
