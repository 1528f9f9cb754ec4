package org.primarypipeline.console.startup;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests that come in while the start-up data is still loading wait for it (the health probes do
 * not: they answer at once, and say OUT_OF_SERVICE). Past the patience, a 503 with a sentence and
 * Retry-After, never an answer computed without the district plan.
 */
@Component
public class StartupGate extends OncePerRequestFilter {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final StartupData data;
    private final Duration patience;

    @Autowired
    public StartupGate(StartupData data) {
        this(data, PATIENCE);
    }

    StartupGate(StartupData data, Duration patience) {
        this.data = data;
        this.patience = patience;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return data.isLoaded() || request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean ready;
        try {
            ready = data.await(patience);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ready = false;
        }
        if (ready) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "10");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter()
                .write("The app is still starting (loading the district plan); try again in a few seconds.\n");
    }
}
