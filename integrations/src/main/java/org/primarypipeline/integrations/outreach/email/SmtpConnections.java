package org.primarypipeline.integrations.outreach.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.apache.camel.component.mail.DefaultAuthenticator;
import org.apache.camel.component.mail.DefaultJavaMailSender;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The mail component's sender, keeping SMTP connections open between messages. Camel's default sender
 * opens a connection per message: greeting, EHLO, STARTTLS, AUTH and QUIT each time, which caps a
 * sender at a few dozen messages a second and is what relays throttle first. Each worker thread
 * borrows a connection, sends, and gives it back; a connection that failed, sat idle too long or
 * carried its share of messages is closed rather than reused.
 *
 * <p>Any failure on a connection closes it and is reported as is: the outbox decides about retrying,
 * since after the DATA command nobody can tell whether the server kept the message.
 */
// the local mailbox, when it runs, points the SMTP settings at itself before these read them
@DependsOn("localMailbox")
@Component
public class SmtpConnections extends DefaultJavaMailSender implements DisposableBean {

    private static final long PROBE_AFTER_NANOS = 1_000_000_000L;

    private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
    private final long maxIdleNanos;
    private final int maxMessagesPerConnection;
    private volatile boolean closed;

    private record Connection(Transport transport, long lastUsed, int sent) {}

    public SmtpConnections(OutreachProperties properties) {
        MailStreamProvider.nameTheProvider();
        OutreachProperties.Email email = properties.getEmail();
        this.maxIdleNanos = email.getConnectionIdle().toNanos();
        this.maxMessagesPerConnection = Math.max(1, email.getMaxMessagesPerConnection());
        boolean implicitTls = email.getTls() == OutreachProperties.Tls.IMPLICIT;
        String protocol = implicitTls ? "smtps" : "smtp";
        boolean login = email.getUsername() != null && !email.getUsername().isBlank();
        Properties mail = new Properties();
        String timeout = Long.toString(email.getTimeout().toMillis());
        mail.setProperty("mail.transport.protocol", protocol);
        if (email.getHost() != null && !email.getHost().isBlank()) {
            // no host: this process neither sends nor runs the local mailbox, and EmailAdapter says so
            mail.setProperty("mail." + protocol + ".host", email.getHost());
        }
        mail.setProperty("mail." + protocol + ".port", Integer.toString(email.getPort()));
        mail.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        mail.setProperty("mail." + protocol + ".timeout", timeout);
        mail.setProperty("mail." + protocol + ".writetimeout", timeout);
        mail.setProperty("mail." + protocol + ".auth", Boolean.toString(login));
        if (email.getTls() == OutreachProperties.Tls.STARTTLS) {
            mail.setProperty("mail.smtp.starttls.enable", "true");
            mail.setProperty("mail.smtp.starttls.required", "true");
        }
        if (email.getTls() != OutreachProperties.Tls.NONE) {
            mail.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
            if (email.getTrustedCertificates() != null
                    && !email.getTrustedCertificates().isBlank()) {
                mail.put(
                        "mail." + protocol + ".ssl.socketFactory",
                        TrustedCertificates.socketFactory(Path.of(email.getTrustedCertificates())));
            }
        }
        setJavaMailProperties(mail);
        setProtocol(protocol);
        setHost(email.getHost());
        setPort(email.getPort());
        if (login) {
            setUsername(email.getUsername());
            setPassword(email.getPassword() == null ? "" : email.getPassword());
        }
        setSession(Session.getInstance(mail, login ? new DefaultAuthenticator(getUsername(), getPassword()) : null));
    }

    @Override
    @SuppressWarnings("JavaUtilDate") // Jakarta Mail takes the sent date as a java.util.Date
    public void send(MimeMessage message) throws MessagingException {
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            // saveChanges() makes up a fresh Message-ID; ours must survive, it is the dedupe key on a resend
            message.setHeader("Message-ID", messageId);
        }
        Connection connection = borrow();
        try {
            connection.transport().sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            close(connection.transport());
            throw e;
        }
        giveBack(new Connection(connection.transport(), System.nanoTime(), connection.sent() + 1));
    }

    private Connection borrow() throws MessagingException {
        for (Connection candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            long idleFor = System.nanoTime() - candidate.lastUsed();
            // during a burst the connection was in use a moment ago; after a pause, a NOOP checks it is still there
            if (idleFor < maxIdleNanos
                    && (idleFor < PROBE_AFTER_NANOS || candidate.transport().isConnected())) {
                return candidate;
            }
            close(candidate.transport());
        }
        Transport transport = getSession().getTransport(getProtocol());
        transport.connect(getHost(), getPort(), getUsername(), getPassword());
        return new Connection(transport, System.nanoTime(), 0);
    }

    private void giveBack(Connection connection) {
        if (closed || connection.sent() >= maxMessagesPerConnection) {
            close(connection.transport());
            return;
        }
        idle.offerFirst(connection);
        if (closed && idle.remove(connection)) {
            close(connection.transport());
        }
    }

    /** Open connections sitting idle, for tests and metrics. */
    public int idleConnections() {
        return idle.size();
    }

    @Override
    public void destroy() {
        closed = true;
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            close(connection.transport());
        }
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // the connection is being thrown away; a failed QUIT changes nothing
        }
    }
}
