package org.primarypipeline.integrations.outreach.email;

import java.util.UUID;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.springframework.stereotype.Component;

/**
 * The links a non-transactional email offers to stop such mail: a page in the app (which mail
 * providers also POST to for one-click unsubscribe, RFC 8058) and a mailto address. Each token is the
 * outbox row's own, so it names one address and nothing else.
 */
@Component
public class UnsubscribeLinks {

    public static final String PATH = "/unsubscribe/";

    private final String baseUrl;
    private final String mailbox;

    public UnsubscribeLinks(OutreachProperties properties) {
        this.baseUrl = properties.baseUrl();
        String configured = properties.getEmail().getUnsubscribeMailbox();
        this.mailbox = configured == null || configured.isBlank()
                ? "unsubscribe@" + SenderDomain.of(properties.getEmail().getFrom())
                : configured;
    }

    public String page(UUID token) {
        return baseUrl + PATH + token;
    }

    /** The List-Unsubscribe header value: mailto first, then the one-click URL. */
    public String listUnsubscribe(UUID token) {
        return "<mailto:" + mailbox + "?subject=unsubscribe%20" + token + ">, <" + page(token) + ">";
    }
}
