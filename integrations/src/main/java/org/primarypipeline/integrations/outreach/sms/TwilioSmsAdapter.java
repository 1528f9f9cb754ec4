package org.primarypipeline.integrations.outreach.sms;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.primarypipeline.integrations.outreach.ChannelAdapter;
import org.primarypipeline.integrations.outreach.ClaimedMessage;
import org.primarypipeline.integrations.outreach.DeliveryFailure;
import org.primarypipeline.integrations.outreach.OutreachExchange;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.primarypipeline.templates.TemplateException;
import org.primarypipeline.templates.TemplateRenderer;
import org.springframework.stereotype.Component;

/**
 * SMS through Twilio's Messages API with the official SDK. Twilio offers no idempotency key for
 * creating a message, so a send whose result was never recorded (a crash in between) is sent again
 * once the claim times out, unless Twilio's status callback, which names our outbox row in its URL,
 * arrived first and settled the row. Either way the window is the batch in flight at the crash.
 */
@Component
public class TwilioSmsAdapter implements ChannelAdapter {

    /** "Attempt to send to unsubscribed recipient": the number replied STOP and Twilio blocks it. */
    static final int UNSUBSCRIBED_RECIPIENT = 21610;

    private static final int TOO_MANY_REQUESTS = 20429;

    private final OutreachProperties.Twilio twilio;
    private final String organizationName;
    private final String statusCallbackBase;
    private final TemplateRenderer renderer;
    private final ConsentRegistry consent;
    private volatile TwilioRestClient client;

    public TwilioSmsAdapter(OutreachProperties properties, TemplateRenderer renderer, ConsentRegistry consent) {
        this.twilio = properties.getSms().getTwilio();
        this.organizationName = properties.getOrganizationName();
        this.statusCallbackBase = properties.baseUrl() + TwilioWebhookController.STATUS_PATH;
        this.renderer = renderer;
        this.consent = consent;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String provider() {
        return "twilio";
    }

    /** Without an account, a token and a sender (number or messaging service), SMS rows wait in the outbox. */
    @Override
    public boolean available() {
        return present(twilio.getAccountSid())
                && present(twilio.getAuthToken())
                && (present(twilio.getFrom()) || present(twilio.getMessagingServiceSid()));
    }

    @Override
    public void compose(Exchange exchange) {
        ClaimedMessage message = exchange.getProperty(OutreachExchange.MESSAGE, ClaimedMessage.class);
        Map<String, Object> model = new HashMap<>(message.model());
        model.put("orgName", organizationName);
        exchange.getIn().setBody(renderer.render(message.template(), model).requireSms());
    }

    /** Creates the message at Twilio and keeps its MessageSid for the record. */
    public void send(Exchange exchange) {
        ClaimedMessage message = exchange.getProperty(OutreachExchange.MESSAGE, ClaimedMessage.class);
        String body = exchange.getIn().getBody(String.class);
        PhoneNumber to = new PhoneNumber(message.recipient());
        MessageCreator creator = present(twilio.getMessagingServiceSid())
                ? Message.creator(to, twilio.getMessagingServiceSid(), body)
                : Message.creator(to, new PhoneNumber(twilio.getFrom()), body);
        creator.setStatusCallback(URI.create(statusCallbackBase + message.id()));
        try {
            Message created = creator.create(client());
            exchange.setProperty(OutreachExchange.PROVIDER_ID, created.getSid());
        } catch (ApiException refused) {
            if (code(refused) == UNSUBSCRIBED_RECIPIENT) {
                // the carrier has the STOP; keep our registry in step so nothing else is tried
                consent.optOut(Channel.SMS, message.recipient(), "carrier", "twilio-" + UNSUBSCRIBED_RECIPIENT);
            }
            throw refused;
        }
    }

    /**
     * Twilio's HTTP status and error code decide: throttling, server errors and refused credentials
     * (a configuration to fix, not a bad message) are retried; any other 4xx, such as an invalid or
     * unsubscribed number, is permanent.
     */
    @Override
    public DeliveryFailure classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TemplateException) {
                return DeliveryFailure.permanent(t.getMessage());
            }
            if (t instanceof ApiException refused) {
                int status = refused.getStatusCode() == null ? 0 : refused.getStatusCode();
                String reason = "Twilio " + (refused.getCode() == null ? status : refused.getCode()) + ": "
                        + refused.getMessage();
                boolean retry = status == 0
                        || status == 429
                        || code(refused) == TOO_MANY_REQUESTS
                        || status >= 500
                        || status == 401
                        || status == 403;
                return retry ? DeliveryFailure.transientFailure(reason) : DeliveryFailure.permanent(reason);
            }
            if (t instanceof ApiConnectionException) {
                return DeliveryFailure.transientFailure("Twilio unreachable: " + t.getMessage());
            }
        }
        return DeliveryFailure.transientFailure(DeliveryFailure.describe(failure));
    }

    private TwilioRestClient client() {
        TwilioRestClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = new TwilioRestClient.Builder(twilio.getAccountSid(), twilio.getAuthToken())
                            .accountSid(twilio.getAccountSid())
                            .httpClient(new TwilioHttpClient(twilio.getBaseUrl()))
                            .build();
                }
                current = client;
            }
        }
        return current;
    }

    private static int code(ApiException e) {
        return e.getCode() == null ? 0 : e.getCode();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
