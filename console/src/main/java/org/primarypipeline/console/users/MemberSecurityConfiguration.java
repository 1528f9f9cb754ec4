package org.primarypipeline.console.users;

import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.contacts.CallerLinks;
import org.primarypipeline.supporters.MemberSessions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The members' chain ({@link PublicEndpoints#MEMBERS_HOME}), before the console's: a request is signed in
 * only by a members' session cookie ({@link MemberSessionFilter}), never by the console's session, so a
 * staff account reaching {@code /me} is sent to the members' sign-in like anyone else; and the members'
 * session is read nowhere but here, so it opens no console page. No HTTP session is made or read.
 * Forms are guarded by the session's form key (the filter) instead of the console's CSRF tokens. A guest
 * caller's session ({@link GuestCaller}, opened by a one-time event link) reaches the call pages only, and
 * the filter lets it count on its own campaign's alone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class MemberSecurityConfiguration {

    @Bean
    @Order(3)
    SecurityFilterChain members(HttpSecurity http, MemberSessions sessions, CallerLinks guests) throws Exception {
        return http.securityMatcher(PublicEndpoints.MEMBERS_HOME)
                .addFilterBefore(new MemberSessionFilter(sessions, guests), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(PublicEndpoints.MEMBERS_OPEN)
                        .permitAll()
                        .requestMatchers(PublicEndpoints.CALLERS)
                        .hasAnyAuthority(SignedInMember.AUTHORITY, GuestCaller.AUTHORITY)
                        .anyRequest()
                        .hasAuthority(SignedInMember.AUTHORITY))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new NullSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, missing) ->
                        response.sendRedirect(request.getContextPath() + "/me/sign-in")))
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives(PublicPageView.POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }
}
