package org.primarypipeline.supporters;

import java.util.LinkedHashMap;
import java.util.Map;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.supporter.EmailAddresses;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.core.supporter.PhoneNumbers;
import org.primarypipeline.core.supporter.ZipCodes;
import org.primarypipeline.nominations.PlainText;

/**
 * What a request to join a district group carries. {@code website} is the honeypot: a field people never
 * see, which form-filling bots do fill. Every field has a size limit; {@link #validate} names every
 * field that is wrong, not only the first.
 */
public record JoinForm(
        String district,
        String fullName,
        String email,
        String phone,
        String street,
        String zip,
        String language,
        String website) {

    public static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_PHONE = 32;
    public static final int MAX_STREET = 200;
    public static final int MAX_ZIP = 10;
    public static final int MAX_DISTRICT = 12;
    public static final int MAX_HONEYPOT = 200;

    /** The request checked and normalised; building it stores nothing. */
    public record Valid(
            DistrictId district,
            String fullName,
            String email,
            String phone,
            String street,
            String zip,
            boolean spanish) {}

    public boolean fromABot() {
        return website != null && !website.isBlank();
    }

    public Valid validate() {
        Map<String, String> problems = new LinkedHashMap<>();
        DistrictId named = null;
        if (tooLong(district, MAX_DISTRICT)) {
            problems.put("district", "the district is at most " + MAX_DISTRICT + " characters, like VT-AL or TX-07");
        } else {
            try {
                named = DistrictId.parse(district);
            } catch (RuntimeException e) {
                problems.put(
                        "district", "'" + district + "' is not a congressional district; write it like TX-07 or VT-AL");
            }
        }
        String name = text(problems, "fullName", fullName, "your name", MAX_NAME, true);
        String mail = null;
        if (tooLong(email, MAX_EMAIL)) {
            problems.put("email", "the email address is at most " + MAX_EMAIL + " characters");
        } else {
            try {
                mail = EmailAddresses.normalize(email);
            } catch (InvalidField e) {
                problems.put("email", "the email is not an address we can write to; write it like name@example.org");
            }
        }
        String tel = null;
        if (tooLong(phone, MAX_PHONE)) {
            problems.put("phone", "the phone number is at most " + MAX_PHONE + " characters");
        } else {
            try {
                tel = PhoneNumbers.toE164(phone);
            } catch (InvalidField e) {
                problems.put("phone", "the phone is not a US number we can text; write ten digits, like 802 555 0134");
            }
        }
        if (mail == null && tel == null && !problems.containsKey("email") && !problems.containsKey("phone")) {
            problems.put("email", "an email or a phone number is needed: we send the link to confirm there");
        }
        String road = text(problems, "street", street, "the street address", MAX_STREET, false);
        String zipCode = null;
        if (tooLong(zip, MAX_ZIP)) {
            problems.put("zip", "the ZIP code is at most " + MAX_ZIP + " characters, like 05401 or 05401-1234");
        } else {
            try {
                zipCode = ZipCodes.normalize(zip);
            } catch (InvalidField e) {
                problems.put("zip", "the ZIP is not a ZIP code: write five digits, like 05401");
            }
        }
        boolean spanish = false;
        if (language != null && !language.isBlank()) {
            String lang = language.strip().toLowerCase(java.util.Locale.ROOT);
            if (lang.equals("es")) {
                spanish = true;
            } else if (!lang.equals("en")) {
                problems.put("language", "the language is en (English) or es (Spanish)");
            }
        }
        if (tooLong(website, MAX_HONEYPOT)) {
            problems.put("website", "the field 'website' is at most " + MAX_HONEYPOT + " characters");
        }
        if (!problems.isEmpty()) {
            throw new RefusedFields(problems);
        }
        return new Valid(named, name, mail, tel, road, zipCode, spanish);
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }

    private static String text(
            Map<String, String> problems, String field, String raw, String what, int max, boolean required) {
        try {
            return PlainText.field(raw, what, max, required);
        } catch (IllegalArgumentException e) {
            problems.put(field, e.getMessage());
            return null;
        }
    }
}
