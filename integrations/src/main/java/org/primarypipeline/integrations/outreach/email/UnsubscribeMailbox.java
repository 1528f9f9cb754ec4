package org.primarypipeline.integrations.outreach.email;

import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailMessage;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The mailto half of List-Unsubscribe: mail clients send "unsubscribe {token}" to our unsubscribe
 * address, and this reads that mailbox over IMAP. The token names the address exactly, even when the
 * request comes from a forwarding or alias address. A request without one unsubscribes nobody: its
 * From header proves nothing (anyone can send mail "from" someone they want off the list).
 * Not available (its route does not start) until {@code pp.outreach.email.unsubscribe-inbox.host} is set.
 */
@Component
public class UnsubscribeMailbox {

    private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeMailbox.class);
    private static final Pattern TOKEN =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final OutreachProperties.Inbox inbox;
    private final UnsubscribeTokens tokens;
    private final ConsentRegistry consent;

    public UnsubscribeMailbox(OutreachProperties properties, UnsubscribeTokens tokens, ConsentRegistry consent) {
        this.inbox = properties.getEmail().getUnsubscribeInbox();
        this.tokens = tokens;
        this.consent = consent;
    }

    public boolean available() {
        return inbox.getHost() != null && !inbox.getHost().isBlank();
    }

    /** Unread mail only, marked read once handled, never deleted: the requests stay as evidence. */
    public String endpointUri() {
        String scheme = inbox.getTls() == OutreachProperties.Tls.IMPLICIT ? "imaps" : "imap";
        StringBuilder uri = new StringBuilder(scheme)
                .append("://")
                .append(inbox.getHost())
                .append(':')
                .append(inbox.getPort())
                .append("?username=")
                .append(URLEncoder.encode(
                        inbox.getUsername() == null ? "" : inbox.getUsername(), StandardCharsets.UTF_8))
                .append("&password=RAW(")
                .append(inbox.getPassword() == null ? "" : inbox.getPassword())
                .append(')')
                .append("&unseen=true&delete=false&delay=")
                .append(inbox.getPollInterval().toMillis());
        if (inbox.getTls() == OutreachProperties.Tls.STARTTLS) {
            uri.append("&mail.imap.starttls.enable=true&mail.imap.starttls.required=true");
        }
        return uri.toString();
    }

    /** Handles one request; returns the address it unsubscribed, if any. */
    public Optional<String> handle(Exchange exchange) throws Exception {
        MimeMessage request = (MimeMessage) exchange.getIn(MailMessage.class).getMessage();
        String subject = request.getSubject() == null ? "" : request.getSubject();
        Matcher token = TOKEN.matcher(subject);
        if (!token.find()) {
            // a From header is easily forged: without the token of a message we sent, nobody is unsubscribed
            LOG.warn(
                    "unsubscribe request {} carries no token; ignored (the links in our mail carry one)",
                    request.getMessageID());
            return Optional.empty();
        }
        String evidence = token.group();
        Optional<String> address = tokens.addressOf(UUID.fromString(evidence));
        if (address.isEmpty()) {
            LOG.warn("unsubscribe request {} names no address we mail", request.getMessageID());
            return address;
        }
        consent.optOut(Channel.EMAIL, address.get(), "email-unsubscribe-mailto", evidence);
        return address;
    }
}
