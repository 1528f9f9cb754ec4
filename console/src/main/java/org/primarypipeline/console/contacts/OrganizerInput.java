package org.primarypipeline.console.contacts;

import java.util.List;
import org.primarypipeline.contacts.Universe;
import org.primarypipeline.contacts.Universes;

/**
 * What building a call packet and opening a text bank check alike: the universe (of this campaign, of the
 * channel), the name, and lists of short lines (survey questions, canned answers). Each refusal is an
 * {@link IllegalArgumentException} whose message the REST door answers with.
 */
final class OrganizerInput {

    private OrganizerInput() {}

    static Universe universe(
            Universes universes, String cycleId, long universeId, Universe.Channel channel, String what) {
        Universe universe = universes
                .find(universeId)
                .filter(u -> u.cycleId().equals(cycleId))
                .orElseThrow(() -> new IllegalArgumentException("no universe " + universeId + " in this campaign"));
        if (universe.channel() != channel) {
            throw new IllegalArgumentException(what + " is built from a " + channel + " universe");
        }
        return universe;
    }

    static String name(String name, String what) {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new IllegalArgumentException(what + " needs a name of at most 120 characters");
        }
        return name.trim();
    }

    /** The non-blank lines, trimmed; at most {@code most} of at most {@code longest} characters each. */
    static List<String> lines(List<String> lines, int most, int longest, String what) {
        List<String> kept = lines == null
                ? List.of()
                : lines.stream()
                        .filter(l -> l != null && !l.isBlank())
                        .map(String::trim)
                        .toList();
        if (kept.size() > most || kept.stream().anyMatch(l -> l.length() > longest)) {
            throw new IllegalArgumentException(
                    "at most " + most + " " + what + " of at most " + longest + " characters each");
        }
        return kept;
    }
}
