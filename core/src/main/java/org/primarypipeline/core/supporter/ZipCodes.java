package org.primarypipeline.core.supporter;

/**
 * Five-digit ZIP codes. ZIP+4 keeps its first five digits; four digits get back the leading zero a
 * spreadsheet took from a New England or New Jersey ZIP.
 */
public final class ZipCodes {

    private ZipCodes() {}

    /** Null for a blank value. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        int dash = text.indexOf('-');
        String five = dash >= 0 ? text.substring(0, dash) : text;
        String rest = dash >= 0 ? text.substring(dash + 1) : "";
        if (!digits(five) || !digits(rest) || (dash >= 0 && rest.length() != 4)) {
            throw new InvalidField("ZIP is not a ZIP code: '" + text + "'");
        }
        return switch (five.length()) {
            case 5 -> five;
            case 4 -> dash < 0 ? "0" + five : invalid(text);
            case 3 -> dash < 0 ? "00" + five : invalid(text);
            case 9 -> dash < 0 ? five.substring(0, 5) : invalid(text);
            default -> invalid(text);
        };
    }

    /** The ZIP as a number (for array lookups), or -1 for none. */
    public static int toInt(String zip) {
        return zip == null ? -1 : Integer.parseInt(zip);
    }

    private static String invalid(String text) {
        throw new InvalidField("ZIP is not 5 digits: '" + text + "'");
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
