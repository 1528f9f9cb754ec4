package org.primarypipeline.integrations.outreach;

import java.util.EnumMap;
import java.util.Map;
import org.apache.camel.Processor;
import org.primarypipeline.outreach.Channel;

/** One {@link RateLimiter} per channel and provider, configured by {@code pp.outreach.rate.*}. */
public final class RateLimits {

    private final Map<Channel, RateLimiter> limiters = new EnumMap<>(Channel.class);

    public RateLimits(OutreachProperties.Rate rate) {
        limiters.put(Channel.EMAIL, new RateLimiter("email/smtp", rate.getEmailPerSecond()));
        limiters.put(Channel.SMS, new RateLimiter("sms/twilio", rate.getSmsPerSecond()));
    }

    public RateLimiter of(Channel channel) {
        return limiters.get(channel);
    }

    /** A route step that waits for the channel's next slot. */
    public Processor step(Channel channel) {
        RateLimiter limiter = of(channel);
        return exchange -> limiter.acquire();
    }
}
