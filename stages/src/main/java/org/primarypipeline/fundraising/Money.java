package org.primarypipeline.fundraising;

import java.util.Locale;

/** Integer cents as people read them. */
public final class Money {

    private Money() {
    }

    /** "$1,234.50"; whole dollars drop the cents ("$50,000"). */
    public static String dollars(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        return abs % 100 == 0
                ? String.format(Locale.US, "%s$%,d", sign, abs / 100)
                : String.format(Locale.US, "%s$%,d.%02d", sign, abs / 100, abs % 100);
    }

    /** "1234.50", as reports and CSV files write amounts. */
    public static String plain(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        return String.format(Locale.US, "%s%d.%02d", sign, abs / 100, abs % 100);
    }
}
