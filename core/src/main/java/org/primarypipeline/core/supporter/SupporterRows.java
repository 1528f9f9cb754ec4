package org.primarypipeline.core.supporter;

import org.primarypipeline.core.supporter.SupporterColumns.Field;

/**
 * Validates and normalises one row of a supporter file. A value that is present but wrong rejects the
 * row (with the reason) rather than being dropped: a supporter whose email we silently lost is a
 * supporter we never reach, and the rejects report lets staff fix the file and import it again.
 */
public final class SupporterRows {

    private static final int MAX_TEXT = 200;

    private final SupporterColumns columns;
    private final String defaultSource;

    public SupporterRows(SupporterColumns columns, String defaultSource) {
        this.columns = columns;
        this.defaultSource = defaultSource;
    }

    public SupporterRecord parse(long line, String[] row) {
        if (row.length != columns.width() && !(row.length == 1 && row[0].isBlank())) {
            throw new InvalidField("has " + row.length + " fields, the header " + columns.width());
        }
        for (String cell : row) {
            // PostgreSQL cannot store it in text, and a reason quoting the cell could not be stored either
            if (cell != null && cell.indexOf('\u0000') >= 0) {
                throw new InvalidField("a value holds a NUL character (byte 0), which cannot be stored");
            }
        }
        String name = name(row);
        String email = EmailAddresses.normalize(columns.get(row, Field.EMAIL));
        String phone = PhoneNumbers.toE164(columns.get(row, Field.PHONE));
        if (email == null && phone == null) {
            throw new InvalidField("no email or phone");
        }
        String state = StateNames.toPostal(columns.get(row, Field.STATE));
        String zip = ZipCodes.normalize(columns.get(row, Field.ZIP));
        double latitude = Double.NaN;
        double longitude = Double.NaN;
        String lat = blankToNull(columns.get(row, Field.LATITUDE));
        String lon = blankToNull(columns.get(row, Field.LONGITUDE));
        if (lat != null || lon != null) {
            if (lat == null || lon == null) {
                throw new InvalidField("latitude and longitude come together; one is missing");
            }
            latitude = number(lat, "latitude");
            longitude = number(lon, "longitude");
            if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
                throw new InvalidField("coordinates out of range: " + lat + ", " + lon);
            }
        }
        String source = text(columns.get(row, Field.SOURCE), "source");
        String joined = blankToNull(columns.get(row, Field.JOINED));
        return new SupporterRecord(
                line,
                name,
                email,
                phone,
                text(columns.get(row, Field.STREET), "street"),
                text(columns.get(row, Field.CITY), "city"),
                state,
                zip,
                latitude,
                longitude,
                source == null ? defaultSource : source,
                ConsentFlag.parse(columns.get(row, Field.EMAIL_CONSENT), "email consent"),
                ConsentFlag.parse(columns.get(row, Field.SMS_CONSENT), "SMS consent"),
                joined == null ? null : ConsentFlag.parse(joined, "joined") == ConsentFlag.YES);
    }

    private String name(String[] row) {
        String full = blankToNull(columns.get(row, Field.NAME));
        if (full == null) {
            String first = blankToNull(columns.get(row, Field.FIRST_NAME));
            String last = blankToNull(columns.get(row, Field.LAST_NAME));
            full = first == null ? last : last == null ? first : first + " " + last;
        }
        if (full == null) {
            throw new InvalidField("name is missing");
        }
        return text(full, "name");
    }

    private static String text(String raw, String what) {
        String value = blankToNull(raw);
        if (value != null && value.length() > MAX_TEXT) {
            throw new InvalidField(what + " is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static double number(String text, String what) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidField(what + " is not a number: '" + text + "'");
        }
    }

    private static String blankToNull(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        return s.isEmpty() ? null : s;
    }
}
