package org.primarypipeline.integrations.outreach.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a real SMTP server (GreenMail) received, counted the way a recipient's provider dedupes: by Message-ID. */
public final class Mailbox {

    private Mailbox() {}

    public static List<MimeMessage> received(GreenMail server) {
        return List.of(server.getReceivedMessages());
    }

    public static Map<String, Integer> copiesByMessageId(GreenMail server) {
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            copies.merge(messageId(message), 1, Integer::sum);
        }
        return copies;
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MimeMessage withMessageId(GreenMail server, String messageId) {
        for (MimeMessage message : server.getReceivedMessages()) {
            if (messageId.equals(messageId(message))) {
                return message;
            }
        }
        throw new AssertionError("no message with Message-ID " + messageId);
    }
}
