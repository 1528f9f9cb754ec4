package org.primarypipeline.campaigns.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An event as an iCalendar file (RFC 5545) for the confirmation and reminder emails. Hand-written: the
 * few lines of one VEVENT in UTC need no library (ical4j is not among the served Maven artifacts), but
 * they do need RFC 5545's escaping (backslash, semicolon, comma, newline), CRLF line ends and lines
 * folded at 75 octets, which is what this class does.
 */
public final class IcsCalendar {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IcsCalendar() {}

    /**
     * @param uid stable across sends (the same event and shift), so a calendar updates the entry it has
     * @param url the event's page
     */
    public static String event(
            String uid,
            Instant starts,
            Instant ends,
            String summary,
            String description,
            String location,
            String url,
            Instant stamp) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Primary Pipeline//Events//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + escape(uid));
        line(ics, "DTSTAMP:" + UTC.format(stamp));
        line(ics, "DTSTART:" + UTC.format(starts));
        line(ics, "DTEND:" + UTC.format(ends));
        line(ics, "SUMMARY:" + escape(summary));
        if (description != null && !description.isBlank()) {
            line(ics, "DESCRIPTION:" + escape(description));
        }
        if (location != null && !location.isBlank()) {
            line(ics, "LOCATION:" + escape(location));
        }
        if (url != null) {
            line(ics, "URL:" + url);
        }
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** Appends a content line folded at 75 octets (UTF-8), continuation lines starting with a space. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
