package org.primarypipeline.console.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.Locale;
import org.primarypipeline.core.time.ReadableTimes;
import org.primarypipeline.core.time.RecipientTimeZones;

/** {@code pp cycle status}'s text, from the API's view of one cycle ({@code GET /api/cycles/ID}). */
final class CycleStatusText {

    private CycleStatusText() {}

    static String of(JsonNode body) {
        StringBuilder out = new StringBuilder();
        JsonNode c = body.path("cycle");
        // times in the district's zone, in words, as the console writes them
        ZoneId zone =
                RecipientTimeZones.ofDistrictOrEastern(c.path("districtId").asText());
        line(
                out,
                String.format(
                        "cycle %s (%s): %s, %s%s",
                        c.path("id").asText(),
                        c.path("districtId").asText(),
                        c.path("status").asText(),
                        title(c.path("stage").asText()),
                        present(c.path("stageDeadline"))
                                ? ", closes "
                                        + ReadableTimes.inText(
                                                c.path("stageDeadline").asText(), zone)
                                : ""));
        if (present(c.path("failureReason"))) {
            line(out, "reason: " + c.path("failureReason").asText());
        }
        JsonNode live = body.path("live");
        if (present(live)) {
            line(
                    out,
                    String.format(
                            "live: %s %s, winner %s, certified by %s",
                            live.path("status").asText(),
                            live.path("stage").asText(),
                            text(live.path("winnerCandidacyId")),
                            names(live.path("certifiedBy"))));
        }
        line(out, "candidacies:");
        for (JsonNode k : body.path("candidacies")) {
            line(
                    out,
                    String.format(
                            "  %-5d %-30s %-15s %-14s pledge %s",
                            k.path("id").asLong(),
                            k.path("fullName").asText(),
                            k.path("source").asText(),
                            k.path("status").asText(),
                            k.path("pledgeSigned").asBoolean() ? "signed" : "not signed"));
        }
        out.append("timeline:");
        for (JsonNode e : body.path("timeline")) {
            out.append(System.lineSeparator())
                    .append(String.format(
                            "  %s  %-18s %-20s %s (%s)",
                            ReadableTimes.inText(e.path("at").asText(), zone),
                            e.path("stage").asText(),
                            e.path("kind").asText(),
                            ReadableTimes.inText(e.path("detail").asText(), zone),
                            e.path("actor").asText()));
        }
        return out.toString();
    }

    /**
     * Machine times in {@code text} in words, in the zone of the district that {@code districtOrCycle}
     * (TX-07 or TX-07-1) names, as every command that prints a time writes them (issue #19).
     */
    static String readable(String text, String districtOrCycle) {
        return ReadableTimes.inText(text, RecipientTimeZones.ofDistrictOrEastern(districtOrCycle));
    }

    /** PLEDGE_VETTING as the console writes it: Pledge vetting. */
    static String title(String stage) {
        String words = stage.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }

    private static String text(JsonNode node) {
        return present(node) ? node.asText() : "null";
    }

    /** ["alice","bob"] as [alice, bob]. */
    private static String names(JsonNode list) {
        java.util.List<String> names = new java.util.ArrayList<>();
        list.forEach(n -> names.add(n.asText()));
        return names.toString();
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append(System.lineSeparator());
    }
}
