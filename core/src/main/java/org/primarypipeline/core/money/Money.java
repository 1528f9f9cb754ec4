package org.primarypipeline.core.money;

import java.math.BigDecimal;
import java.util.Locale;

/** Amounts as people read them: the one place that formats dollars, for pages, messages, reports and the CLI. */
public final class Money {

    private Money() {}

    /** "$1,234.50"; whole dollars drop the cents ("$50,000"). */
    public static String dollars(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        return abs % 100 == 0
                ? String.format(Locale.US, "%s$%,d", sign, abs / 100)
                : String.format(Locale.US, "%s$%,d.%02d", sign, abs / 100, abs % 100);
    }

    /** 1234.50 as a number, as reports and CSV files write amounts. */
    public static BigDecimal amount(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** "1234.50": {@link #amount} as text, for memos. */
    public static String plain(long cents) {
        return amount(cents).toPlainString();
    }

    /** A race's size at a glance: "$1.2M" from a million up, "$350k" below. */
    public static String approximate(double dollars) {
        if (dollars >= 1_000_000) {
            return String.format(Locale.ROOT, "$%.1fM", dollars / 1_000_000);
        }
        return String.format(Locale.ROOT, "$%.0fk", dollars / 1_000);
    }
}
