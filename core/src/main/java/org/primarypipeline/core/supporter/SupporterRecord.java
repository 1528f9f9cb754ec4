package org.primarypipeline.core.supporter;

/**
 * One row of a supporter file, validated and normalised: email lower-case, phone E.164, state a postal
 * code, ZIP five digits. {@code line} is the file line the row starts on (the header is line 1).
 *
 * @param latitude NaN when the row gave no coordinates
 */
public record SupporterRecord(
        long line,
        String fullName,
        String email,
        String phone,
        String street,
        String city,
        String state,
        String zip,
        double latitude,
        double longitude,
        String source,
        ConsentFlag emailConsent,
        ConsentFlag smsConsent,
        Boolean joined) {

    public boolean hasCoordinates() {
        return !Double.isNaN(latitude);
    }

    public int zipNumber() {
        return ZipCodes.toInt(zip);
    }
}
