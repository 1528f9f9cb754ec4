package org.primarypipeline.console.users;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Where the app meets the network: forwarded headers believed only from trusted proxies, ahead of
 * every other filter (Spring Session's and Spring Security's among them), and the console's sessions
 * as Spring Session keeps them in PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class EdgeConfiguration {

    @Bean
    FilterRegistrationBean<ForwardedByTrustedProxies> forwardedByTrustedProxies(
            @Value("${pp.security.trusted-proxies:}") String trusted) {
        FilterRegistrationBean<ForwardedByTrustedProxies> registration =
                new FilterRegistrationBean<>(new ForwardedByTrustedProxies(new TrustedProxies(trusted)));
        // right after the character encoding, before Spring Session (MIN_VALUE + 50) and Spring Security
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }
}
