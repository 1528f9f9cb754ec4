package org.primarypipeline.nominations;

import java.util.LinkedHashMap;
import java.util.Map;
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

    /** Every field checked; every problem is refused at once, each with its field and a sentence to act on. */
    public Valid validate() {
        Map<String, String> problems = new LinkedHashMap<>();
        String nominee =
                text(problems, "nomineeName", nomineeName, self ? "your name" : "the nominee's name", MAX_NAME);
        String nomineeMail = email(problems, "nomineeEmail", nomineeEmail, self ? "your email" : "the nominee's email");
        String nomineeTel = phone(problems, "nomineePhone", nomineePhone, self ? "your phone" : "the nominee's phone");
        String why =
                text(problems, "reason", reason, self ? "why you are running" : "why you nominate them", MAX_REASON);
        String nominator = null;
        String nominatorMail = null;
        if (self) {
            if (nomineeMail == null && !problems.containsKey("nomineeEmail")) {
                problems.put("nomineeEmail", "your email is needed: we send you a link to confirm");
            }
        } else {
            if (nomineeMail == null
                    && nomineeTel == null
                    && !problems.containsKey("nomineeEmail")
                    && !problems.containsKey("nomineePhone")) {
                problems.put("nomineeEmail", "the nominee's email or phone is needed, so we can ask them to accept");
            }
            nominator = text(problems, "nominatorName", nominatorName, "your name", MAX_NAME);
            nominatorMail = email(problems, "nominatorEmail", nominatorEmail, "your email");
            if (nominatorMail == null && !problems.containsKey("nominatorEmail")) {
                problems.put("nominatorEmail", "your email is needed: we send you a link to confirm the nomination");
            }
        }
        if (!problems.isEmpty()) {
            throw new RefusedField(problems);
        }
        return self
                ? new Valid(true, nominee, nomineeMail, nomineeTel, nominee, nomineeMail, why)
                : new Valid(false, nominee, nomineeMail, nomineeTel, nominator, nominatorMail, why);
    }

    private static String text(Map<String, String> problems, String field, String raw, String what, int max) {
        try {
            return PlainText.field(raw, what, max, true);
        } catch (IllegalArgumentException e) {
            problems.put(field, e.getMessage());
            return null;
        }
    }

    /** The address's own check names the problem; the sentence says it once, about this field. */
    private static String email(Map<String, String> problems, String field, String raw, String what) {
        try {
            return EmailAddresses.normalize(raw);
        } catch (InvalidField e) {
            problems.put(field, what + " is not an address we can write to; write it like name@example.org");
            return null;
        }
    }

    private static String phone(Map<String, String> problems, String field, String raw, String what) {
        try {
            return PhoneNumbers.toE164(raw);
        } catch (RuntimeException e) {
            problems.put(field, what + " is not a US phone number; write ten digits, like 207 555 0134");
            return null;
        }
    }
}
