package org.primarypipeline.outreach;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.primarypipeline.core.time.RecipientTimeZones;

/**
 * A message to send, written to the outbox in the same transaction as the state change that caused
 * it. The deduplication key names the step and recipient (e.g. {@code cycle:TX-07/1:voting-open:member:42}),
 * so a retried activity or handler cannot create a second message.
 *
 * <p>{@code transactional} marks a message the recipient needs whatever their marketing preferences
 * (a ballot link for a vote they joined, a donation receipt): it goes out to an email address that
 * unsubscribed and carries no List-Unsubscribe header. Everything else is non-transactional. SMS
 * opt-outs (STOP) stop every SMS, transactional or not, as carriers require.
 *
 * <p>{@code recipientZone} is where quiet hours for SMS are counted; null means unknown, and the sender
 * then keeps to the hours that are quiet nowhere in the continental US. {@code notBefore} holds a
 * message back until then (null: as soon as possible).
 */
public record OutboundMessage(
        String dedupKey,
        Channel channel,
        String recipient,
        String template,
        Map<String, Object> model,
        boolean transactional,
        ZoneId recipientZone,
        Instant notBefore) {

    public OutboundMessage {
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(template, "template");
        model = model == null ? Map.of() : Map.copyOf(model);
    }

    /** A non-transactional message in no particular time zone, to send as soon as possible. */
    public OutboundMessage(
            String dedupKey, Channel channel, String recipient, String template, Map<String, Object> model) {
        this(dedupKey, channel, recipient, template, model, false, null, null);
    }

    public static OutboundMessage email(String dedupKey, String address, String template, Map<String, Object> model) {
        return new OutboundMessage(dedupKey, Channel.EMAIL, address, template, model);
    }

    public static OutboundMessage sms(String dedupKey, String phone, String template, Map<String, Object> model) {
        return new OutboundMessage(dedupKey, Channel.SMS, phone, template, model);
    }

    /** The same message, marked as one the recipient needs whatever their marketing preferences. */
    public OutboundMessage asTransactional() {
        return new OutboundMessage(dedupKey, channel, recipient, template, model, true, recipientZone, notBefore);
    }

    /** The same message, for a recipient in this state or territory (postal or FIPS code, or a district id like TX-07). */
    public OutboundMessage inState(String state) {
        return inZone(RecipientTimeZones.ofState(state));
    }

    public OutboundMessage inZone(ZoneId zone) {
        return new OutboundMessage(dedupKey, channel, recipient, template, model, transactional, zone, notBefore);
    }

    /**
     * The same message, with these model entries (a link carrying a single-use token, say) removed from
     * the stored row once it is sent: the database then keeps only the token's hash, as it should.
     */
    public OutboundMessage withSecrets(String... keys) {
        Map<String, Object> marked = new LinkedHashMap<>(model);
        List<String> secrets = new ArrayList<>();
        if (model.get(SECRETS) instanceof List<?> already) {
            already.forEach(k -> secrets.add(String.valueOf(k)));
        }
        secrets.addAll(List.of(keys));
        marked.put(SECRETS, List.copyOf(secrets));
        return new OutboundMessage(
                dedupKey, channel, recipient, template, marked, transactional, recipientZone, notBefore);
    }

    /** The model entry listing the entries {@link #withSecrets} marked. */
    public static final String SECRETS = "_secrets";

    /**
     * The same message with a file attached to its email (an event's {@code .ics}, say): kept in the model
     * under {@link #ATTACHMENTS} as name, MIME type and text, and attached by the email route. SMS ignore it.
     */
    public OutboundMessage withAttachment(String fileName, String contentType, String text) {
        Map<String, Object> marked = new LinkedHashMap<>(model);
        List<Object> files = new ArrayList<>();
        if (model.get(ATTACHMENTS) instanceof List<?> already) {
            files.addAll(already);
        }
        files.add(Map.of("name", fileName, "type", contentType, "text", text));
        marked.put(ATTACHMENTS, List.copyOf(files));
        return new OutboundMessage(
                dedupKey, channel, recipient, template, marked, transactional, recipientZone, notBefore);
    }

    /** The model entry {@link #withAttachment} lists files in. */
    public static final String ATTACHMENTS = "_attachments";

    /** The same message, held back until this instant (a reminder for tomorrow morning, say). */
    public OutboundMessage notBefore(Instant instant) {
        return new OutboundMessage(
                dedupKey, channel, recipient, template, model, transactional, recipientZone, instant);
    }
}
