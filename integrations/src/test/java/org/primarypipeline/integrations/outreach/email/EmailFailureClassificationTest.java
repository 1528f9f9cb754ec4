package org.primarypipeline.integrations.outreach.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import org.primarypipeline.integrations.outreach.DeliveryFailure;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.primarypipeline.templates.TemplateRenderer;

/**
 * The SMTP replies GreenMail never gives (it accepts every recipient), as Angus Mail reports them, and
 * what the outbox makes of each: 5xx is final, 4xx and silence are worth another try.
 */
class EmailFailureClassificationTest {

    private final EmailAdapter adapter;

    EmailFailureClassificationTest() {
        OutreachProperties properties = new OutreachProperties();
        adapter = new EmailAdapter(properties, new TemplateRenderer(), new UnsubscribeLinks(properties));
    }

    @Test
    void aMailboxThatDoesNotExistIsPermanent() throws Exception {
        SMTPAddressFailedException unknownUser = new SMTPAddressFailedException(
                new InternetAddress("gone@example.org"),
                "RCPT TO",
                550,
                "5.1.1 <gone@example.org>: Recipient address rejected: User unknown");
        DeliveryFailure failure = adapter.classify(new SendFailedException("Invalid Addresses", unknownUser));
        assertThat(failure.permanent()).isTrue();
        assertThat(failure.reason()).startsWith("recipient refused: ").contains("User unknown");
    }

    @Test
    void aFullMailboxOrGreylistingIsRetried() throws Exception {
        SMTPAddressFailedException greylisted = new SMTPAddressFailedException(
                new InternetAddress("busy@example.org"), "RCPT TO", 451, "4.7.1 Greylisted, please try again later");
        assertThat(adapter.classify(new SendFailedException("Invalid Addresses", greylisted))
                        .permanent())
                .isFalse();
    }

    @Test
    void aMessageRefusedAfterDataFollowsItsReplyCode() {
        assertThat(adapter.classify(new SMTPSendFailedException(
                                "DATA", 554, "5.7.1 Message rejected as spam", null, null, null, null))
                        .permanent())
                .isTrue();
        assertThat(adapter.classify(new SMTPSendFailedException(
                                "DATA", 421, "4.3.2 Service shutting down", null, null, null, null))
                        .permanent())
                .isFalse();
    }

    @Test
    void noServerListeningIsTransient() {
        MessagingException refused = new MailConnectException(new SocketConnectException(
                "Connection refused", new ConnectException("Connection refused"), "localhost", 2525, 10_000));
        DeliveryFailure failure = adapter.classify(refused);
        assertThat(failure.permanent()).isFalse();
        assertThat(failure.reason()).contains("localhost").contains("2525");
    }
}
