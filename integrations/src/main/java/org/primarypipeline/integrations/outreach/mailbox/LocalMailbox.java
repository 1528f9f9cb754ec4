package org.primarypipeline.integrations.outreach.mailbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The SMTP server the app runs for itself when no SMTP host is configured, so a newcomer who starts it
 * with nothing set sees every confirmation, ballot and invitation link on the console's Mailbox page
 * instead of mail that waits forever for a server on localhost.
 *
 * <p>It runs only in the process that sends (pp.outreach.auto-start), and points the outreach settings
 * at itself before the mail sender reads them: {@code SmtpConnections} and {@code EmailAdapter} depend on
 * this bean for that reason. Setting {@code pp.outreach.email.host} turns it off. Caught mail lives in
 * memory and is gone when the app stops.
 */
@Component("localMailbox")
public class LocalMailbox implements DisposableBean {

    private static final String LOOPBACK = "127.0.0.1";

    private final GreenMail server;

    public LocalMailbox(OutreachProperties properties) {
        OutreachProperties.Email email = properties.getEmail();
        boolean noHost = email.getHost() == null || email.getHost().isBlank();
        if (!noHost || !properties.isAutoStart()) {
            this.server = null;
            return;
        }
        ServerSetup setup = new ServerSetup(email.getLocalMailboxPort(), LOOPBACK, ServerSetup.PROTOCOL_SMTP);
        if (email.getLocalMailboxPort() == 0) {
            setup = setup.dynamicPort();
        }
        this.server = new GreenMail(setup);
        server.start();
        email.setHost(LOOPBACK);
        email.setPort(server.getSmtp().getPort());
    }

    /** Whether this process runs the local mailbox (no SMTP host set, and it sends mail). */
    public boolean running() {
        return server != null;
    }

    /** The port its SMTP server listens on, when running. */
    public int port() {
        return running() ? server.getSmtp().getPort() : 0;
    }

    /** Every message caught, newest first; its number is its place in arrival order, counting from 1. */
    public List<CaughtMail> messages() {
        if (!running()) {
            return List.of();
        }
        MimeMessage[] received = server.getReceivedMessages();
        List<CaughtMail> mails = new ArrayList<>(received.length);
        for (int i = received.length - 1; i >= 0; i--) {
            mails.add(CaughtMail.of(i + 1, received[i]));
        }
        return mails;
    }

    /** One message by its number. */
    public Optional<CaughtMail> message(int number) {
        if (!running()) {
            return Optional.empty();
        }
        MimeMessage[] received = server.getReceivedMessages();
        if (number < 1 || number > received.length) {
            return Optional.empty();
        }
        return Optional.of(CaughtMail.of(number, received[number - 1]));
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.stop();
        }
    }
}
