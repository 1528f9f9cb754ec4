package org.primarypipeline.core.supporter;

import java.util.Locale;

/**
 * The one rule for email addresses, wherever one is typed, imported or sent to: trimmed and lower-case
 * (the same spelling the consent registry and the unique index on {@code lower(email)} use). The check
 * is deliberately plain (one {@code @}, a dotted domain of letters, digits and hyphens, no spaces, quotes
 * or other RFC 5322 specials, no dot at either end of the mailbox name): mailbox rules are the receiving
 * server's business, and a typo like {@code name@gmail} or {@code name.gmail.com} is what a list actually
 * contains.
 */
public final class EmailAddresses {

    private static final String SPECIALS = ",;<>()[]:\\\"";

    private EmailAddresses() {}

    /** Null for a blank value. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            return null;
        }
        if (email.startsWith("mailto:")) {
            email = email.substring(7);
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || email.length() > 254 || at > 64) {
            throw new InvalidField("email is not an address: '" + raw.strip() + "'");
        }
        int dot = email.lastIndexOf('.');
        if (dot < at + 2 || dot == email.length() - 1 || email.contains("..")) {
            throw new InvalidField("email has no valid domain: '" + raw.strip() + "'");
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c <= ' ' || SPECIALS.indexOf(c) >= 0) {
                throw new InvalidField(
                        "email contains '" + (c <= ' ' ? "a space" : String.valueOf(c)) + "': '" + raw.strip() + "'");
            }
        }
        if (email.charAt(0) == '.' || email.charAt(at - 1) == '.') {
            throw new InvalidField("email's name before the @ starts or ends with a dot: '" + raw.strip() + "'");
        }
        if (!hostName(email.substring(at + 1))) {
            throw new InvalidField("email has no valid domain: '" + raw.strip() + "'");
        }
        return email;
    }

    /** Whether {@link #normalize} takes it as an address; blank is not one. */
    public static boolean isAddress(String raw) {
        try {
            return normalize(raw) != null;
        } catch (InvalidField e) {
            return false;
        }
    }

    /**
     * Dot-separated labels of letters, digits and inner hyphens. A loop over the characters: this runs
     * for every row of an import, where splitting and streaming each domain cost about 3% of the
     * import's processor time in Java.
     */
    private static boolean hostName(String domain) {
        int labelStart = 0;
        for (int i = 0; i <= domain.length(); i++) {
            if (i == domain.length() || domain.charAt(i) == '.') {
                if (i == labelStart || domain.charAt(labelStart) == '-' || domain.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else {
                char c = domain.charAt(i);
                if (!Character.isLetterOrDigit(c) && c != '-') {
                    return false;
                }
            }
        }
        return true;
    }
}
