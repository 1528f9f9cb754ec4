package org.primarypipeline.console.users;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First filter of every request. From a {@link TrustedProxies trusted proxy}, Spring's
 * {@link ForwardedHeaderFilter} applies X-Forwarded-Proto/-Host/-Port (so {@code isSecure()} is true
 * for https at the Ingress: Secure cookie, HSTS), and the client address is the one the proxy saw,
 * for the login throttle, the nomination limit, pledge signatures and the audit log. From anyone else
 * the forwarded headers are removed unread.
 */
public class ForwardedByTrustedProxies extends OncePerRequestFilter {

    private final TrustedProxies proxies;
    private final ForwardedHeaderFilter apply = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter remove = new ForwardedHeaderFilter();

    public ForwardedByTrustedProxies(TrustedProxies proxies) {
        this.proxies = proxies;
        remove.setRemoveOnly(true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!proxies.trusts(request.getRemoteAddr())) {
            remove.doFilter(request, response, chain);
            return;
        }
        String client = proxies.client(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
        apply.doFilter(
                request,
                response,
                (forwarded, out) -> chain.doFilter(new FromClient((HttpServletRequest) forwarded, client), out));
    }

    private static final class FromClient extends HttpServletRequestWrapper {

        private final String client;

        FromClient(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}
