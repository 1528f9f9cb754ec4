package org.primarypipeline.integrations.outreach;

import org.apache.camel.Exchange;
import org.primarypipeline.outreach.Channel;

/**
 * One channel's sender, Spoke-style: its route claims only while {@link #available()} (configured),
 * so rows for an unconfigured channel wait in PENDING rather than fail.
 */
public interface ChannelAdapter {

    Channel channel();

    /** The provider name rate limits and logs go by, e.g. {@code smtp} or {@code twilio}. */
    String provider();

    boolean available();

    /** Renders the claimed message into the exchange, ready for the send step. */
    void compose(Exchange exchange);

    DeliveryFailure classify(Throwable failure);
}
