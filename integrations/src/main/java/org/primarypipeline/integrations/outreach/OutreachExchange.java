package org.primarypipeline.integrations.outreach;

/**
 * Exchange properties the outreach routes pass between steps. Properties, not headers: the mail
 * component turns every non-Camel header into a mail header.
 */
public final class OutreachExchange {

    /** The {@link ClaimedMessage} being delivered. */
    public static final String MESSAGE = "outreach.message";
    /** The {@link DeliveryGate.Verdict} for it, decided right before sending. */
    public static final String VERDICT = "outreach.verdict";
    /** The email Message-ID it carries. */
    public static final String MESSAGE_ID = "outreach.messageId";
    /** The provider's id for it (Twilio MessageSid). */
    public static final String PROVIDER_ID = "outreach.providerId";
    /** Set once the provider has accepted the message: from then on a failure must not lead to a resend. */
    public static final String HANDED_OVER = "outreach.handedOver";

    private OutreachExchange() {}
}
