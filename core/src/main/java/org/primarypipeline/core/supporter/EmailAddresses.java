package org.primarypipeline.core.supporter;

import java.util.Locale;

/**
 * Email addresses as the supporter list keeps them: trimmed and lower-case (the same spelling the
 * consent registry and the unique index on {@code lower(email)} use). The check is deliberately plain
 * (one {@code @}, a dotted domain, no spaces): mailbox rules are the receiving server's business, and a
 * typo like {@code name@gmail} or {@code name.gmail.com} is what a list actually contains.
 */
public final class EmailAddresses {

    private EmailAddresses() {
    }

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
            if (c <= ' ' || c == ',' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')' || c == '"') {
                throw new InvalidField("email contains '" + (c <= ' ' ? "a space" : String.valueOf(c)) + "': '" + raw.strip() + "'");
            }
        }
        return email;
    }
}
