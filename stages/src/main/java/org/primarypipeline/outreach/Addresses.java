package org.primarypipeline.outreach;

import java.util.Locale;

/**
 * The one spelling of an address that the outbox, the consent registry and inbound webhooks share,
 * so that "+1 (512) 555-0100" opting out blocks a message queued for "5125550100".
 */
public final class Addresses {

    private Addresses() {}

    public static String normalize(Channel channel, String address) {
        String trimmed = address.trim();
        return channel == Channel.EMAIL ? trimmed.toLowerCase(Locale.ROOT) : phone(trimmed);
    }

    /** E.164 for US numbers written any common way; anything else is kept as given, minus punctuation. */
    static String phone(String raw) {
        String digits = raw.replaceAll("[^0-9]", "");
        if (raw.startsWith("+")) {
            return "+" + digits;
        }
        if (digits.length() == 10) {
            return "+1" + digits;
        }
        if (digits.length() == 11 && digits.startsWith("1")) {
            return "+" + digits;
        }
        return digits.isEmpty() ? raw : "+" + digits;
    }
}
