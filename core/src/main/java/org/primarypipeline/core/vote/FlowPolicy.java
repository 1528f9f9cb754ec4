package org.primarypipeline.core.vote;

import java.util.Locale;

/** Where a member's own 10 units go in a cycle. Units a member receives always follow the same rule. */
public enum FlowPolicy {
    /**
     * A member who names proxies always hands them their own units, voting or not: the group's judgement
     * of who is well informed outranks self-assessment. Only a member with no proxies exercises their own.
     */
    SMARTOCRACY,
    /** A member who votes keeps their own units on their ballot; only those who stay home pass them on. */
    LIQUID;

    /** Accepts the command-line and file spelling, {@code smartocracy} or {@code liquid}, in any case. */
    public static FlowPolicy parse(String s) {
        if (s != null) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "smartocracy":
                    return SMARTOCRACY;
                case "liquid":
                    return LIQUID;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unknown flow policy '" + s + "': expected smartocracy or liquid");
    }

    /** The spelling {@link #parse} accepts and reports print. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
