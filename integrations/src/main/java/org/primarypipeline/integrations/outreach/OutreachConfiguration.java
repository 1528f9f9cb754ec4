package org.primarypipeline.integrations.outreach;

import java.time.Clock;
import org.primarypipeline.templates.TemplateRenderer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outreach pieces that are plain objects rather than components. */
@Configuration
@EnableConfigurationProperties(OutreachProperties.class)
public class OutreachConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public TemplateRenderer templateRenderer() {
        return new TemplateRenderer();
    }

    @Bean
    public OutreachClock outreachClock(ObjectProvider<Clock> clocks) {
        return new OutreachClock(clocks.getIfUnique(Clock::systemUTC));
    }

    @Bean
    public RetryPolicy outreachRetryPolicy(OutreachProperties properties) {
        return RetryPolicy.of(properties.getRetry());
    }

    @Bean
    public RateLimits outreachRateLimits(OutreachProperties properties) {
        return new RateLimits(properties.getRate());
    }

    @Bean
    public QuietHours smsQuietHours(OutreachProperties properties) {
        OutreachProperties.QuietHoursWindow window = properties.getSms().getQuietHours();
        return new QuietHours(window.getStart(), window.getEnd());
    }

    @Bean
    public SenderIdentity outreachSenderIdentity() {
        return SenderIdentity.ofThisProcess();
    }
}
