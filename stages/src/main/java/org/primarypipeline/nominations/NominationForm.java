package org.primarypipeline.nominations;

import org.primarypipeline.core.supporter.EmailAddresses;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.core.supporter.PhoneNumbers;

/**
 * What the public nomination page posts. {@code website} is the honeypot: a field people never see,
 * which form-filling bots do fill.
 */
public record NominationForm(
        boolean self,
        String nomineeName,
        String nomineeEmail,
        String nomineePhone,
        String nominatorName,
        String nominatorEmail,
        String reason,
        String website) {

    public static final int MAX_NAME = 200;
    public static final int MAX_REASON = 2_000;

    /** The form checked and normalised; building it stores nothing. */
    public record Valid(
            boolean self,
            String nomineeName,
            String nomineeEmail,
            String nomineePhone,
            String nominatorName,
            String nominatorEmail,
            String reason) {}

    public boolean fromABot() {
        return website != null && !website.isBlank();
    }

    /** Every field checked; the first problem is refused, with the field it is about and a sentence to act on. */
    public Valid validate() {
        String nominee = text("nomineeName", nomineeName, self ? "your name" : "the nominee's name", MAX_NAME);
        String nomineeMail = email("nomineeEmail", nomineeEmail, self ? "your email" : "the nominee's email");
        String nomineeTel = phone("nomineePhone", nomineePhone, self ? "your phone" : "the nominee's phone");
        String why = text("reason", reason, self ? "why you are running" : "why you nominate them", MAX_REASON);
        if (self) {
            if (nomineeMail == null) {
                throw new RefusedField("nomineeEmail", "your email is needed: we send you a link to confirm");
            }
            return new Valid(true, nominee, nomineeMail, nomineeTel, nominee, nomineeMail, why);
        }
        if (nomineeMail == null && nomineeTel == null) {
            throw new RefusedField(
                    "nomineeEmail", "the nominee's email or phone is needed, so we can ask them to accept");
        }
        String nominator = text("nominatorName", nominatorName, "your name", MAX_NAME);
        String nominatorMail = email("nominatorEmail", nominatorEmail, "your email");
        if (nominatorMail == null) {
            throw new RefusedField(
                    "nominatorEmail", "your email is needed: we send you a link to confirm the nomination");
        }
        return new Valid(false, nominee, nomineeMail, nomineeTel, nominator, nominatorMail, why);
    }

    private static String text(String field, String raw, String what, int max) {
        try {
            return PlainText.field(raw, what, max, true);
        } catch (IllegalArgumentException e) {
            throw new RefusedField(field, e.getMessage());
        }
    }

    private static String email(String field, String raw, String what) {
        try {
            return EmailAddresses.normalize(raw);
        } catch (InvalidField e) {
            throw new RefusedField(field, what + " is not a valid address: " + e.getMessage());
        }
    }

    private static String phone(String field, String raw, String what) {
        try {
            return PhoneNumbers.toE164(raw);
        } catch (InvalidField e) {
            throw new RefusedField(field, what + " is not a valid phone number: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new RefusedField(field, what + " is not a valid phone number");
        }
    }
}
