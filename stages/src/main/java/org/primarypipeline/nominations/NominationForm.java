package org.primarypipeline.nominations;

import org.primarypipeline.core.supporter.EmailAddresses;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.core.supporter.PhoneNumbers;

/**
 * What the public nomination page posts. {@code website} is the honeypot: a field people never see,
 * which form-filling bots do fill.
 */
public record NominationForm(boolean self, String nomineeName, String nomineeEmail, String nomineePhone,
                             String nominatorName, String nominatorEmail, String reason, String website) {

    public static final int MAX_NAME = 200;
    public static final int MAX_REASON = 2_000;

    /** The form checked and normalised; building it stores nothing. */
    public record Valid(boolean self, String nomineeName, String nomineeEmail, String nomineePhone,
                        String nominatorName, String nominatorEmail, String reason) {
    }

    public boolean fromABot() {
        return website != null && !website.isBlank();
    }

    /** Every field checked; the first problem is refused with a message the submitter can act on. */
    public Valid validate() {
        String nominee = PlainText.field(nomineeName, self ? "your name" : "the nominee's name", MAX_NAME, true);
        String nomineeMail = email(nomineeEmail, self ? "your email" : "the nominee's email");
        String nomineeTel = phone(nomineePhone, self ? "your phone" : "the nominee's phone");
        String why = PlainText.field(reason, self ? "why you are running" : "why you nominate them", MAX_REASON, true);
        if (self) {
            if (nomineeMail == null) {
                throw new IllegalArgumentException("your email is needed: we send you a link to confirm");
            }
            return new Valid(true, nominee, nomineeMail, nomineeTel, nominee, nomineeMail, why);
        }
        if (nomineeMail == null && nomineeTel == null) {
            throw new IllegalArgumentException("the nominee's email or phone is needed, so we can ask them to accept");
        }
        String nominator = PlainText.field(nominatorName, "your name", MAX_NAME, true);
        String nominatorMail = email(nominatorEmail, "your email");
        if (nominatorMail == null) {
            throw new IllegalArgumentException("your email is needed: we send you a link to confirm the nomination");
        }
        return new Valid(false, nominee, nomineeMail, nomineeTel, nominator, nominatorMail, why);
    }

    private static String email(String raw, String what) {
        try {
            return EmailAddresses.normalize(raw);
        } catch (InvalidField e) {
            throw new IllegalArgumentException(what + " is not a valid address: " + e.getMessage());
        }
    }

    private static String phone(String raw, String what) {
        try {
            return PhoneNumbers.toE164(raw);
        } catch (InvalidField e) {
            throw new IllegalArgumentException(what + " is not a valid phone number: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " is not a valid phone number");
        }
    }
}
