package org.primarypipeline.contacts;

import java.util.EnumSet;
import java.util.Set;

/** What came of an attempt to reach a contact. */
public enum ContactResult {
    TALKED,
    NO_ANSWER,
    LEFT_MESSAGE,
    WRONG_NUMBER,
    REFUSED,
    DO_NOT_CALL,
    NOT_HOME,
    MOVED,
    SENT,
    OPTED_OUT;

    /** The result codes a caller picks from. */
    public static final Set<ContactResult> PHONE =
            EnumSet.of(TALKED, NO_ANSWER, LEFT_MESSAGE, WRONG_NUMBER, REFUSED, DO_NOT_CALL);

    /** The result codes a texter picks from: the phone's, but for the message left (every text is one). */
    public static final Set<ContactResult> SMS = EnumSet.of(TALKED, NO_ANSWER, WRONG_NUMBER, REFUSED, DO_NOT_CALL);

    /** The result codes a canvasser picks from. */
    public static final Set<ContactResult> DOOR = EnumSet.of(TALKED, NOT_HOME, REFUSED, MOVED);

    public static ContactResult parse(String text) {
        try {
            return valueOf(text.trim()
                    .toUpperCase(java.util.Locale.ROOT)
                    .replace(' ', '_')
                    .replace('-', '_'));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown result '" + text + "'");
        }
    }
}
