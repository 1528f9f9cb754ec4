package org.primarypipeline.console.users;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Three filter chains, tried in order:
 * <ol>
 * <li>{@link PublicEndpoints#MEMBERS_AND_PROVIDERS}: open, no session, no CSRF token;</li>
 * <li>{@code /api/**}: HTTP Basic for API clients, or a bearer token from {@code pp login}; no session;</li>
 * <li>everything else, the console: form login, a session with a 30-minute idle timeout, CSRF tokens;
 * sessions are kept in PostgreSQL (Spring Session JDBC, see {@link EdgeConfiguration}).</li>
 * </ol>
 * Roles are checked by the service method behind each action ({@code console.staff}), not by URL,
 * so a page and its REST twin cannot disagree.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

    /** No inline script or style anywhere in the console: charts and live parts are files served by the app. */
    static final String CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * Public pages are plain forms with their own inline style and no script; nothing else is allowed.
     * Forms post to the app only, and the donation form's answer may hand the donor on to Stripe
     * Checkout (form-action also governs that redirect). Personal pages send a stricter policy of their own.
     */
    static final String PUBLIC_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "form-action 'self' https://checkout.stripe.com; base-uri 'none'; object-src 'none'; "
            + "frame-ancestors 'none'";

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    AuthenticationManager consoleAuthentication(
            ConsoleUsers users,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            HashingGate gate,
            AuthenticationEventPublisher events,
            AuditLog audit) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(passwords);
        passwordCheck.setUserDetailsService(users);
        ProviderManager manager =
                new ProviderManager(new ThrottledAuthenticationProvider(passwordCheck, throttle, gate, audit));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain membersAndProviders(HttpSecurity http) throws Exception {
        return http.securityMatcher(PublicEndpoints.MEMBERS_AND_PROVIDERS)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives(PUBLIC_CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication, ApiTokens tokens)
            throws Exception {
        return http.securityMatcher("/api/**")
                .authenticationManager(authentication)
                .addFilterBefore(
                        new BearerTokenFilter(tokens, SecurityConfiguration::apiUnauthorized),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfiguration::apiUnauthorized))
                // A cross-site page can only send a JSON body after a CORS preflight, which this app never
                // grants; so a change that comes as JSON cannot be a forged request riding on credentials a
                // browser remembered. Changes in any other form need a token the API never hands out.
                .csrf(c -> c.ignoringRequestMatchers(SecurityConfiguration::sentAsJson))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::apiUnauthorized)
                        .accessDeniedHandler(apiForbidden()))
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives(API_CSP)))
                .build();
    }

    /** Last: it takes every request the chains before it (the members' own at 3) did not. */
    @Bean
    @Order(10)
    SecurityFilterChain console(
            HttpSecurity http,
            AuthenticationManager authentication,
            SessionRegistry registry,
            ConsoleUsers users,
            AuditLog audit,
            Clock clock)
            throws Exception {
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // after signing in, go back to the page asked for, never to a background refresh of part of one
        requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !isHtmx(request));
        // and to its own address: no "?continue" marker left in the address bar after signing in
        requestCache.setMatchingRequestParameterName(null);
        SavedRequestAwareAuthenticationSuccessHandler backToPage = new SavedRequestAwareAuthenticationSuccessHandler();
        backToPage.setRequestCache(requestCache);
        backToPage.setDefaultTargetUrl("/");
        LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        return http.authenticationManager(authentication)
                .authorizeHttpRequests(a -> a.requestMatchers(PublicEndpoints.CONSOLE_OPEN)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler((request, response, signedIn) -> {
                            users.signedIn(signedIn.getName(), clock.instant());
                            audit.record(
                                    signedIn.getName(),
                                    signedIn.getPrincipal() instanceof StaffUser u
                                            ? u.role().label()
                                            : null,
                                    "login",
                                    "",
                                    Outcome.DONE,
                                    "signed in",
                                    null,
                                    null);
                            backToPage.onAuthenticationSuccess(request, response, signedIn);
                        })
                        .failureHandler((request, response, refused) -> response.sendRedirect(request.getContextPath()
                                + (refused instanceof HashingBusyException
                                        ? "/login?busy"
                                        : refused instanceof LoginThrottledException
                                                ? "/login?throttled"
                                                : "/login?error"))))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .requestCache(c -> c.requestCache(requestCache))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, missing) -> {
                    if (isHtmx(request)) {
                        // htmx would otherwise swap the sign-in page into the middle of the current one
                        response.setHeader("HX-Redirect", request.getContextPath() + "/login");
                        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                    } else {
                        loginPage.commence(request, response, missing);
                    }
                }))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId())
                        .maximumSessions(-1)
                        .sessionRegistry(registry)
                        .expiredUrl("/login?expired"))
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives(CONSOLE_CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()")))
                .build();
    }

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    private static boolean sentAsJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static void apiUnauthorized(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof LoginThrottledException throttled) {
            response.setHeader(
                    "Retry-After",
                    Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            json(response, 429, throttled.getMessage());
            return;
        }
        if (failure instanceof InvalidTokenException) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            json(response, HttpServletResponse.SC_UNAUTHORIZED, failure.getMessage());
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Primary Pipeline API\", charset=\"UTF-8\"");
        json(
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                "sign in with HTTP Basic (a console account's name and password) or a token from pp login");
    }

    private static AccessDeniedHandler apiForbidden() {
        return (request, response, denied) -> json(
                response,
                HttpServletResponse.SC_FORBIDDEN,
                denied instanceof CsrfException
                        ? "changes through the API are sent as JSON (Content-Type: application/json)"
                        : denied.getMessage());
    }

    private static void json(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
