package org.primarypipeline.core.supporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link EmailAddresses#normalize} was rewritten as one pass for the import's sake; the rule must not
 * have moved. The rule as it was written before (one scan per check) is kept here as the oracle, and both
 * must give the same address or the same reason for every value of a large set of random near-addresses.
 */
class EmailAddressesRuleTest {

    private static final String ALPHABET = "abcXYZ019..@@--_+' ,;<>()[]:\\\"\tñé.";

    @Test
    void theOnePassRuleAnswersAsTheRuleBeforeIt() {
        Random random = new Random(20);
        int addresses = 0;
        for (int n = 0; n < 200_000; n++) {
            String raw = nearAddress(random);
            String before = answer(() -> previousRule(raw));
            String now = answer(() -> EmailAddresses.normalize(raw));
            assertThat(now).as("[%s]", raw).isEqualTo(before);
            addresses += before.startsWith("ok:") ? 1 : 0;
        }
        // the set holds enough of both kinds for the comparison to mean something
        assertThat(addresses).isBetween(5_000, 195_000);
    }

    private static String nearAddress(Random random) {
        StringBuilder b = new StringBuilder();
        if (random.nextInt(20) == 0) {
            b.append(random.nextBoolean() ? "mailto:" : " MAILTO:");
        }
        int local = random.nextInt(8);
        for (int i = 0; i < local; i++) {
            b.append(random.nextInt(4) == 0 ? pick(random) : (char) ('a' + random.nextInt(26)));
        }
        if (random.nextInt(10) != 0) {
            b.append('@');
        }
        int labels = 1 + random.nextInt(3);
        for (int l = 0; l < labels; l++) {
            int len = random.nextInt(5);
            for (int i = 0; i < len; i++) {
                b.append(random.nextInt(6) == 0 ? pick(random) : (char) ('a' + random.nextInt(26)));
            }
            if (l < labels - 1 || random.nextInt(8) == 0) {
                b.append('.');
            }
        }
        if (random.nextInt(30) == 0) {
            b.append("x".repeat(random.nextInt(300)));
        }
        return random.nextInt(10) == 0 ? " " + b.toString().toUpperCase(Locale.ROOT) + "\t" : b.toString();
    }

    private static char pick(Random random) {
        return ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }

    private static String answer(java.util.function.Supplier<String> rule) {
        try {
            return "ok:" + rule.get();
        } catch (InvalidField e) {
            return "refused:" + e.getMessage();
        }
    }

    /** The rule as written before the one-pass version (git history: EmailAddresses before session 10). */
    private static String previousRule(String raw) {
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
            if (c <= ' ' || ",;<>()[]:\\\"".indexOf(c) >= 0) {
                throw new InvalidField(
                        "email contains '" + (c <= ' ' ? "a space" : String.valueOf(c)) + "': '" + raw.strip() + "'");
            }
        }
        if (email.charAt(0) == '.' || email.charAt(at - 1) == '.') {
            throw new InvalidField("email's name before the @ starts or ends with a dot: '" + raw.strip() + "'");
        }
        String domain = email.substring(at + 1);
        int labelStart = 0;
        for (int i = 0; i <= domain.length(); i++) {
            if (i == domain.length() || domain.charAt(i) == '.') {
                if (i == labelStart || domain.charAt(labelStart) == '-' || domain.charAt(i - 1) == '-') {
                    throw new InvalidField("email has no valid domain: '" + raw.strip() + "'");
                }
                labelStart = i + 1;
            } else {
                char c = domain.charAt(i);
                if (!Character.isLetterOrDigit(c) && c != '-') {
                    throw new InvalidField("email has no valid domain: '" + raw.strip() + "'");
                }
            }
        }
        return email;
    }
}
