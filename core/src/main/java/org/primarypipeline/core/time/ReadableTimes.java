package org.primarypipeline.core.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way times are written for people, on pages, in flash messages, in emails and at the command
 * line: "Tue 8 Dec 2026, 9:00 AM EST", in the reader's zone or the district's. Texts written earlier
 * with machine times in them (timeline details, workflow answers) are rewritten the same way when shown.
 */
public final class ReadableTimes {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, h:mm a z", Locale.US);
    private static final Pattern ISO =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");

    private ReadableTimes() {}

    public static String when(Instant at, ZoneId zone) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    /** Every machine-written time in {@code text} (ISO-8601, as {@code Instant.toString} writes) in words. */
    public static String inText(String text, ZoneId zone) {
        if (text == null || text.indexOf('T') < 0) {
            return text;
        }
        Matcher m = ISO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            try {
                replacement = when(java.time.OffsetDateTime.parse(m.group()).toInstant(), zone);
            } catch (DateTimeParseException e) {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
