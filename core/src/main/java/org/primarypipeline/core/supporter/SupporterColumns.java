package org.primarypipeline.core.supporter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of a supporter file holds which field, from its header row. Exports name their columns
 * differently (Action Network, Spoke, a Facebook group's member list, a spreadsheet); the common names
 * are accepted in any case, with spaces, dashes or underscores.
 */
public final class SupporterColumns {

    public enum Field {
        NAME("name", "full_name", "fullname", "supporter", "member"),
        FIRST_NAME("first_name", "firstname", "first", "given_name"),
        LAST_NAME("last_name", "lastname", "last", "surname", "family_name"),
        EMAIL("email", "email_address", "e_mail", "mail"),
        PHONE("phone", "phone_number", "mobile", "mobile_phone", "cell", "cell_phone", "telephone"),
        STREET("street", "address", "street_address", "address1", "address_line_1"),
        CITY("city", "town", "locality"),
        STATE("state", "region", "state_code", "st"),
        ZIP("zip", "zip_code", "zipcode", "postal_code", "postcode", "zip5"),
        LATITUDE("latitude", "lat"),
        LONGITUDE("longitude", "lon", "lng", "long"),
        SOURCE("source", "list", "origin"),
        EMAIL_CONSENT("email_consent", "email_opt_in", "email_optin", "can_email", "email_subscribed"),
        SMS_CONSENT("sms_consent", "sms_opt_in", "sms_optin", "can_text", "sms_subscribed", "text_opt_in"),
        JOINED("joined", "join", "join_group", "member_of_group", "group_member");

        private final List<String> names;

        Field(String... names) {
            this.names = List.of(names);
        }
    }

    private final int[] index = new int[Field.values().length];
    private final int width;

    private SupporterColumns(int width) {
        this.width = width;
        java.util.Arrays.fill(index, -1);
    }

    /** Fails, with the reason, when the header names no name column or neither email nor phone. */
    public static SupporterColumns fromHeader(List<String> header) {
        SupporterColumns columns = new SupporterColumns(header.size());
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field f : Field.values()) {
            for (String n : f.names) {
                byName.put(n, f);
            }
        }
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replace('-', '_')
                    .replace(' ', '_');
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            Field f = byName.get(name);
            if (f != null && columns.index[f.ordinal()] < 0) {
                columns.index[f.ordinal()] = i;
            }
        }
        if (!columns.has(Field.NAME) && !columns.has(Field.FIRST_NAME) && !columns.has(Field.LAST_NAME)) {
            throw new IllegalArgumentException(
                    "the header names no name column (name, or first_name/last_name): " + header);
        }
        if (!columns.has(Field.EMAIL) && !columns.has(Field.PHONE)) {
            throw new IllegalArgumentException("the header names neither an email nor a phone column: " + header);
        }
        if (columns.has(Field.LATITUDE) != columns.has(Field.LONGITUDE)) {
            throw new IllegalArgumentException("the header names latitude or longitude without the other: " + header);
        }
        return columns;
    }

    public boolean has(Field field) {
        return index[field.ordinal()] >= 0;
    }

    /** The field's value in a row, or null when the file has no such column or the row is short. */
    public String get(String[] row, Field field) {
        int i = index[field.ordinal()];
        return i < 0 || i >= row.length ? null : row[i];
    }

    public int width() {
        return width;
    }

    /** Column positions, to carry in a batch step's execution context. */
    public int[] positions() {
        return index.clone();
    }

    public static SupporterColumns fromPositions(int[] positions, int width) {
        SupporterColumns columns = new SupporterColumns(width);
        System.arraycopy(positions, 0, columns.index, 0, positions.length);
        return columns;
    }
}
