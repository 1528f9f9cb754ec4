package org.primarypipeline.integrations.outreach.email;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.component.mail.MailConstants;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.primarypipeline.core.supporter.EmailAddresses;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.integrations.outreach.ChannelAdapter;
import org.primarypipeline.integrations.outreach.ClaimedMessage;
import org.primarypipeline.integrations.outreach.DeliveryFailure;
import org.primarypipeline.integrations.outreach.OutreachExchange;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.templates.RenderedMessage;
import org.primarypipeline.templates.TemplateException;
import org.primarypipeline.templates.TemplateRenderer;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP through Camel's mail component: renders the message's HTML and text parts into a
 * multipart/alternative mail with a Message-ID fixed by the outbox row, and List-Unsubscribe headers
 * on non-transactional mail.
 */
// the local mailbox, when it runs, points the SMTP settings at itself before these read them
@DependsOn("localMailbox")
@Component
public class EmailAdapter implements ChannelAdapter {

    private final OutreachProperties.Email email;
    private final String organizationName;
    private final TemplateRenderer renderer;
    private final UnsubscribeLinks unsubscribe;
    private final String messageIdDomain;
    private final String replyTo;

    public EmailAdapter(OutreachProperties properties, TemplateRenderer renderer, UnsubscribeLinks unsubscribe) {
        this.email = properties.getEmail();
        this.organizationName = properties.getOrganizationName();
        this.renderer = renderer;
        this.unsubscribe = unsubscribe;
        String domain = email.getMessageIdDomain();
        this.messageIdDomain = domain == null || domain.isBlank() ? SenderDomain.of(email.getFrom()) : domain;
        this.replyTo = replyAddress(properties.getReplyTo(), email.getFrom());
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String provider() {
        return "smtp";
    }

    /** With nothing configured this is the local mailbox; if an SMTP server is down, mail waits and retries. */
    @Override
    public boolean available() {
        return email.getHost() != null && !email.getHost().isBlank();
    }

    /**
     * The Camel endpoint the route sends to. Host, port, TLS and login live in {@link SmtpConnections},
     * the sender the endpoint is given, which keeps connections open between messages.
     */
    public String endpointUri() {
        return "smtp://" + email.getHost() + ":" + email.getPort() + "?javaMailSender=#smtpConnections"
                + "&contentType=" + URLEncoder.encode("text/html; charset=UTF-8", StandardCharsets.UTF_8);
    }

    @Override
    public void compose(Exchange exchange) {
        ClaimedMessage message = exchange.getProperty(OutreachExchange.MESSAGE, ClaimedMessage.class);
        Map<String, Object> model = new HashMap<>(message.model());
        model.put("orgName", organizationName);
        model.put("replyTo", replyTo);
        if (!message.transactional()) {
            model.put("unsubscribeUrl", unsubscribe.page(message.unsubscribeToken()));
        }
        RenderedMessage rendered = renderer.render(message.template(), model).requireEmail();
        requireAddress(message.recipient());
        String messageId = MessageIds.of(message.id(), message.dedupKey(), messageIdDomain);

        Message mail = exchange.getIn();
        // every remaining header would become a mail header
        mail.removeHeaders("*");
        mail.setHeader("From", email.getFrom());
        mail.setHeader("To", message.recipient());
        mail.setHeader("Subject", rendered.subject());
        mail.setHeader("Message-ID", messageId);
        mail.setHeader("Reply-To", replyTo);
        if (!message.transactional()) {
            mail.setHeader("List-Unsubscribe", unsubscribe.listUnsubscribe(message.unsubscribeToken()));
            mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (rendered.html() != null) {
            mail.setBody(rendered.html());
            mail.setHeader(MailConstants.MAIL_CONTENT_TYPE, "text/html; charset=UTF-8");
            if (rendered.text() != null) {
                mail.setHeader(MailConstants.MAIL_ALTERNATIVE_BODY, rendered.text());
            }
        } else {
            mail.setBody(rendered.text());
            mail.setHeader(MailConstants.MAIL_CONTENT_TYPE, "text/plain; charset=UTF-8");
        }
        attach(exchange, message.model().get(OutboundMessage.ATTACHMENTS));
        exchange.setProperty(OutreachExchange.MESSAGE_ID, messageId);
    }

    /**
     * Files the message carries ({@link OutboundMessage#withAttachment}) become parts of the mail: Camel's
     * mail binding puts them beside the HTML and text alternatives in a multipart/mixed message.
     */
    private static void attach(Exchange exchange, Object files) {
        if (!(files instanceof List<?> list) || list.isEmpty()) {
            return;
        }
        AttachmentMessage mail = exchange.getIn(AttachmentMessage.class);
        for (Object file : list) {
            if (file instanceof Map<?, ?> f && f.get("name") != null && f.get("text") != null) {
                String type = f.get("type") == null
                        ? "application/octet-stream"
                        : f.get("type").toString();
                ByteArrayDataSource data = new ByteArrayDataSource(
                        f.get("text").toString().getBytes(StandardCharsets.UTF_8), type + "; charset=UTF-8");
                data.setName(f.get("name").toString());
                mail.addAttachment(f.get("name").toString(), new DataHandler(data));
            }
        }
    }

    /** The address people write to: the setting, else the mailbox of the sender ("Name <a@b>" gives a@b). */
    static String replyAddress(String setting, String from) {
        String address = setting == null || setting.isBlank() ? from : setting.trim();
        int open = address.indexOf('<');
        int close = address.indexOf('>', open + 1);
        return open >= 0 && close > open ? address.substring(open + 1, close).trim() : address.trim();
    }

    /**
     * SMTP's own answer decides: 5xx is permanent, 4xx is "try later". No answer at all (refused
     * connection, timeout, TLS or login trouble) is transient: the server or its configuration will be
     * back, and the message must not be lost meanwhile.
     */
    @Override
    public DeliveryFailure classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof TemplateException) {
                return DeliveryFailure.permanent(t.getMessage());
            }
            if (t instanceof InvalidRecipient || t instanceof AddressException) {
                return DeliveryFailure.permanent("invalid recipient address: " + t.getMessage());
            }
            if (t instanceof SMTPAddressFailedException refused) {
                return byReplyCode(refused.getReturnCode(), "recipient refused: " + oneLine(refused.getMessage()));
            }
            if (t instanceof SMTPSendFailedException refused) {
                return byReplyCode(refused.getReturnCode(), "message refused: " + oneLine(refused.getMessage()));
            }
        }
        return DeliveryFailure.transientFailure(DeliveryFailure.describe(failure));
    }

    /**
     * Core's one rule for addresses, the same as where they are typed or imported: a malformed one is refused
     * here rather than half-parsed by the mail library.
     */
    private static void requireAddress(String recipient) {
        try {
            if (EmailAddresses.normalize(recipient) == null) {
                throw new InvalidField("no address");
            }
        } catch (InvalidField e) {
            throw new InvalidRecipient(recipient, e);
        }
    }

    /** Names the address as given. */
    static final class InvalidRecipient extends RuntimeException {
        InvalidRecipient(String recipient, InvalidField cause) {
            super("'" + recipient + "': " + cause.getMessage(), cause);
        }
    }

    private static DeliveryFailure byReplyCode(int code, String reason) {
        return code >= 500 ? DeliveryFailure.permanent(reason) : DeliveryFailure.transientFailure(reason);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException messaging
                && messaging.getNextException() != null
                && messaging.getNextException() != t) {
            return messaging.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
