package org.primarypipeline.core.priority;

import java.util.Locale;

/** How a progressive would take a seat, or (ally) why not to contest it. */
public enum Path {
    ALLY("ally: ask to sign the pledge", "ally"),
    PRIMARY_CHALLENGE("primary challenge to a sitting Democrat", "challenge"),
    OPEN_DEMOCRATIC_SEAT("open Democratic seat", "open"),
    FLIP_REPUBLICAN_SEAT("flip a Republican seat", "flip"),
    INDEPENDENT("independent/third candidate", "third");

    private final String label;
    private final String key;

    Path(String label, String key) {
        this.label = label;
        this.key = key;
    }

    public String label() {
        return label;
    }

    /** The short name filters and URLs use: ally, challenge, open, flip, third. */
    public String key() {
        return key;
    }

    /** By short name, enum name or label, any case; null when none matches. */
    public static Path parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        for (Path p : values()) {
            if (p.key.equalsIgnoreCase(t) || p.name().equalsIgnoreCase(t) || p.label.equals(t)) {
                return p;
            }
        }
        String lower = t.toLowerCase(Locale.ROOT);
        return lower.equals("independent") ? INDEPENDENT : null;
    }

    /** Whether the candidate must first win a Democratic primary. */
    public boolean throughDemocraticPrimary() {
        return this != INDEPENDENT;
    }
}
