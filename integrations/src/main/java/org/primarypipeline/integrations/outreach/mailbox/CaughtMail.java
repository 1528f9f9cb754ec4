package org.primarypipeline.integrations.outreach.mailbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One message the local mailbox caught, read into plain fields: who from and to, the subject, when it
 * was sent, and its text and HTML parts (either may be blank).
 */
public record CaughtMail(
        int number, String from, List<String> to, String subject, Instant sentAt, String text, String html) {

    static CaughtMail of(int number, MimeMessage message) {
        try {
            List<String> to = new ArrayList<>();
            if (message.getAllRecipients() != null) {
                for (var address : message.getAllRecipients()) {
                    to.add(
                            address instanceof InternetAddress internet
                                    ? internet.toUnicodeString()
                                    : address.toString());
                }
            }
            String from = message.getFrom() == null || message.getFrom().length == 0
                    ? ""
                    : message.getFrom()[0] instanceof InternetAddress internet
                            ? internet.toUnicodeString()
                            : message.getFrom()[0].toString();
            Parts parts = new Parts();
            parts.read(message);
            return new CaughtMail(
                    number,
                    from,
                    List.copyOf(to),
                    message.getSubject() == null ? "" : message.getSubject(),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    parts.text,
                    parts.html);
        } catch (MessagingException | IOException unreadable) {
            return new CaughtMail(
                    number,
                    "",
                    List.of(),
                    "(a message that could not be read: " + unreadable.getMessage() + ")",
                    null,
                    "",
                    "");
        }
    }

    /** The first text/plain and text/html parts, however deep in multiparts they are. */
    private static final class Parts {
        private String text = "";
        private String html = "";

        void read(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain") && text.isEmpty()) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html.isEmpty()) {
                html = String.valueOf(part.getContent());
            } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    read(child);
                }
            }
        }
    }
}
