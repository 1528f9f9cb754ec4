package org.primarypipeline.campaigns.events;

import java.time.Duration;
import java.util.Locale;

/**
 * What a volunteer may host, each with the template the proposal form starts from: a title, a short
 * description, how long it usually runs and how many people one shift takes. The host changes any of it.
 */
public enum EventKind {
    PHONE_BANK(Duration.ofHours(2), 12, false),
    CANVASS(Duration.ofHours(3), 20, false),
    TEXT_BANK(Duration.ofHours(2), 15, true),
    HOUSE_PARTY(Duration.ofHours(2), 25, false),
    TRAINING(Duration.ofMinutes(90), 40, true),
    OTHER(Duration.ofHours(2), 20, false);

    private final Duration usualLength;
    private final int usualCapacity;
    private final boolean usuallyOnline;

    EventKind(Duration usualLength, int usualCapacity, boolean usuallyOnline) {
        this.usualLength = usualLength;
        this.usualCapacity = usualCapacity;
        this.usuallyOnline = usuallyOnline;
    }

    public Duration usualLength() {
        return usualLength;
    }

    public int usualCapacity() {
        return usualCapacity;
    }

    /** Text banks and trainings are usually held over a video link; the form says so. */
    public boolean usuallyOnline() {
        return usuallyOnline;
    }

    /** The bundle key stem of the kind's words ({@code events.kind.phone-bank}, ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Null when the text names no kind. */
    public static EventKind parse(String text) {
        if (text == null) {
            return null;
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (EventKind k : values()) {
            if (k.name().equals(wanted)) {
                return k;
            }
        }
        return null;
    }
}
