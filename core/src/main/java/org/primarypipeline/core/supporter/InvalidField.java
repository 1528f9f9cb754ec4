package org.primarypipeline.core.supporter;

/**
 * A value in a supporter's row that cannot be normalised; the message is the reason shown in the
 * rejects report. Carries no stack trace: rejects are expected data, and a million-row file may hold
 * thousands.
 */
public final class InvalidField extends RuntimeException {

    public InvalidField(String reason) {
        super(reason, null, false, false);
    }
}
