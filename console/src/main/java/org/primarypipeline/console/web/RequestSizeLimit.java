package org.primarypipeline.console.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.primarypipeline.console.users.PublicEndpoints;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of every request to a public endpoint ({@link PublicEndpoints#MEMBERS_AND_PROVIDERS}),
 * before the security chain or any controller reads it: {@code pp.http.public-max-body} (64 KiB by
 * default; Stripe's endpoint {@code pp.stripe.webhook-max-body}, 256 KiB). A declared length over the cap
 * is answered 413 at once; a body without one (chunked) is cut off where it passes the cap, and the
 * reader gets {@link TooLarge}. Machines (webhooks, Twilio, the API) get JSON, people a page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RequestSizeLimit extends OncePerRequestFilter {

    public static final String STRIPE = "/webhooks/stripe";

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final long publicMax;
    private final long stripeMax;

    public RequestSizeLimit(
            @Value("${pp.http.public-max-body:64KB}") DataSize publicMax,
            @Value("${pp.stripe.webhook-max-body:256KB}") DataSize stripeMax) {
        this.publicMax = publicMax.toBytes();
        this.stripeMax = stripeMax.toBytes();
    }

    /** The cap on this path's body, or -1 when it is not a public endpoint (the console's own limits apply). */
    public long limitFor(String path) {
        if (STRIPE.equals(path)) {
            return stripeMax;
        }
        for (String pattern : PublicEndpoints.MEMBERS_AND_PROVIDERS) {
            if (PATHS.match(pattern, path)) {
                return publicMax;
            }
        }
        for (String pattern : PublicEndpoints.MEMBERS_HOME) {
            if (PATHS.match(pattern, path)) {
                return publicMax;
            }
        }
        return -1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (limit < 0) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(new Capped(request, limit), response);
    }

    /** Answers 413 with a sentence: JSON for machines, the public page layout for people. */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        String sentence = "The request is too large: this address takes at most " + (limit / 1024) + " KiB.";
        response.setStatus(413);
        response.setHeader(HttpHeaders.CONNECTION, "close");
        String path = request.getRequestURI();
        if (path.startsWith("/webhooks/") || path.startsWith("/twilio/") || path.startsWith("/api/")) {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"error\":\"" + sentence + "\"}");
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Content-Security-Policy", PublicPageView.POLICY);
            response.getWriter().write(PublicPageView.html("too-large", new TooLargePage(sentence)));
        }
        response.getWriter().flush();
    }

    /** The page that says a request was too large. */
    public record TooLargePage(String sentence) implements PublicPage {
        @Override
        public String title() {
            return "Too large";
        }
    }

    /** Thrown to whoever reads a body past its cap. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        public final long limit;

        TooLarge(long limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }
    }

    private static final class Capped extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream capped;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (capped == null) {
                capped = new CappedStream(super.getInputStream(), limit);
            }
            return capped;
        }
    }

    private static final class CappedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        CappedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
