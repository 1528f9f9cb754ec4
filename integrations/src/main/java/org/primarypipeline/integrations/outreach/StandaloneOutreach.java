package org.primarypipeline.integrations.outreach;

import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * The outreach routes, webhooks and outbox on their own, over a database someone else migrated: what
 * the benchmark runs and the integration tests start and stop (a restart is a new context over the
 * same database). The application itself needs none of this; its component scan finds the same beans.
 */
public final class StandaloneOutreach {

    private StandaloneOutreach() {}

    /**
     * @param clock      the time the senders go by, or null for the system clock
     * @param properties {@code pp.outreach.*} and any Spring Boot or Camel property
     * @param web        whether to serve the webhooks and unsubscribe pages ({@code server.port} decides where)
     */
    public static ConfigurableApplicationContext start(
            DataSource dataSource, Clock clock, Map<String, Object> properties, boolean web) {
        return new SpringApplicationBuilder(Wiring.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(properties)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("dataSource", dataSource);
                    if (clock != null) {
                        context.getBeanFactory().registerSingleton("outreachSystemClock", clock);
                    }
                })
                .run();
    }

    /** Not a @Configuration, so the application's own component scan never picks it up. */
    @EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
    @ComponentScan(basePackages = {"org.primarypipeline.integrations.outreach", "org.primarypipeline.outreach"})
    // a STOP by text reaches the emails of the member who holds the number (InboundSms)
    @Import(MemberRepository.class)
    static class Wiring {}
}
