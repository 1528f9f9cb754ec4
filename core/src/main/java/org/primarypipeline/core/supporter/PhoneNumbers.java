package org.primarypipeline.core.supporter;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Phone numbers to E.164, US by default. Numbers written the North American way (10 digits, or 11
 * with a leading 1, any punctuation) take a fast path: the NANP structure is checked here and whether
 * the area code exists is asked of libphonenumber once per area code. Everything else (a {@code +} and
 * another country code) goes through libphonenumber whole. The fast path matters: parsing every number
 * of a million-row import with libphonenumber costs more than the rest of the row.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final ConcurrentHashMap<Integer, Boolean> AREA_CODES = new ConcurrentHashMap<>();

    private PhoneNumbers() {}

    /** Null for a blank value. */
    public static String toE164(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        int cut = extension(text);
        if (cut >= 0) {
            text = text.substring(0, cut).strip();
        }
        boolean plus = text.startsWith("+");
        char[] digits = new char[15];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (n == digits.length) {
                    throw new InvalidField("phone has too many digits: '" + raw.strip() + "'");
                }
                digits[n++] = c;
            } else if (Character.isLetter(c)) {
                throw new InvalidField("phone contains letters: '" + raw.strip() + "'");
            }
        }
        int start;
        if (n == 10 && !plus) {
            start = 0;
        } else if (n == 11 && digits[0] == '1') {
            start = 1;
        } else if (plus) {
            return international(raw, text);
        } else {
            throw new InvalidField("phone is not a 10-digit US number: '" + raw.strip() + "'");
        }
        // NANP: NXX-NXX-XXXX, N = 2-9; N11 codes are service codes
        char a = digits[start];
        char e = digits[start + 3];
        if (a < '2'
                || e < '2'
                || (digits[start + 1] == '1' && digits[start + 2] == '1')
                || (digits[start + 4] == '1' && digits[start + 5] == '1')) {
            throw new InvalidField("phone is not a valid US number: '" + raw.strip() + "'");
        }
        int areaCode = (a - '0') * 100 + (digits[start + 1] - '0') * 10 + (digits[start + 2] - '0');
        if (!AREA_CODES.computeIfAbsent(areaCode, PhoneNumbers::areaCodeInService)) {
            throw new InvalidField("phone has no such area code " + areaCode + ": '" + raw.strip() + "'");
        }
        return "+1" + new String(digits, start, 10);
    }

    private static boolean areaCodeInService(int areaCode) {
        // a number with an ordinary exchange and line in that area code: valid exactly when the area code is
        for (String probe : new String[] {"2345678", "4567890", "8675309"}) {
            try {
                if (UTIL.isValidNumber(UTIL.parse("+1" + areaCode + probe, "US"))) {
                    return true;
                }
            } catch (NumberParseException e) {
                return false;
            }
        }
        return false;
    }

    private static String international(String raw, String text) {
        try {
            PhoneNumber number = UTIL.parse(text, "US");
            if (!UTIL.isValidNumber(number)) {
                throw new InvalidField("phone is not a valid number: '" + raw.strip() + "'");
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new InvalidField("phone is not a number: '" + raw.strip() + "'");
        }
    }

    private static int extension(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String mark : new String[] {" ext", " x", "#"}) {
            int i = lower.indexOf(mark);
            if (i > 0) {
                return i;
            }
        }
        return -1;
    }
}
