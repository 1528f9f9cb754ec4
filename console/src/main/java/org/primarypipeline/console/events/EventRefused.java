package org.primarypipeline.console.events;

import java.util.Map;

/** Refused input: field name to the bundle key of the sentence said beside it ({@code form} for the whole form). */
public final class EventRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> keys;

    public EventRefused(Map<String, String> keys) {
        super(String.join(" ", keys.values()));
        this.keys = Map.copyOf(keys);
    }

    public static EventRefused of(String field, String key) {
        return new EventRefused(Map.of(field, key));
    }

    public Map<String, String> keys() {
        return keys;
    }
}
