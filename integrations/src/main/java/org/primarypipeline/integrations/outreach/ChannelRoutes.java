package org.primarypipeline.integrations.outreach;

import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.primarypipeline.outreach.Channel;

/** What every channel's route shares: how it polls and the pool its messages are sent from. */
public final class ChannelRoutes {

    private ChannelRoutes() {}

    public static String routeId(Channel channel) {
        return "outreach-" + channel.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The route that sends one claimed message; failures end in its error handler. */
    public static String deliverEndpoint(Channel channel) {
        return "direct:" + routeId(channel) + "-deliver";
    }

    /**
     * Synchronous: the next claim waits until every message of the batch is settled, so at most one
     * batch per channel and process is ever in flight, which bounds what a crash can leave half-done.
     * Greedy: a sender that claimed a batch claims the next at once and waits a poll interval only when
     * the outbox had nothing due. After repeated claim errors (database down) it polls ten times less
     * often instead of hammering the database.
     */
    public static String pollEndpoint(Channel channel, OutreachProperties properties) {
        long delay = Math.max(1, properties.getPollInterval().toMillis());
        return "scheduler:" + routeId(channel) + "?delay=" + delay + "&initialDelay=" + delay
                + "&synchronous=true&greedy=true&backoffErrorThreshold=3&backoffMultiplier=10";
    }

    public static ExecutorService workers(CamelContext camel, Channel channel, OutreachProperties properties) {
        return camel.getExecutorServiceManager().newFixedThreadPool(camel, routeId(channel), properties.getWorkers());
    }
}
