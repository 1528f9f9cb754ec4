package org.primarypipeline.console.districts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model's terms for one district, grouped as the model adds them up (see docs/prioritization.md):
 * the score's natural-log factors, the primary's logits, the general's points of margin.
 */
enum FactorGroup {
    SCORE(
            "score",
            "What makes up the score",
            "natural log",
            "These add up to the natural log of the score: each bar is how much that part multiplies or divides it."),
    PRIMARY(
            "primary",
            "Winning the primary (or the ballot)",
            "logit",
            "Added up and turned into the chance a progressive wins the first stage; positive helps."),
    GENERAL(
            "general",
            "Winning the general election",
            "points of margin",
            "Added up into the expected margin in the general election; positive is a Democratic margin.");

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("base", "starting point for this path"),
            Map.entry("lean", "partisan lean"),
            Map.entry("density", "population density"),
            Map.entry("diversity", "people of colour share"),
            Map.entry("education", "college degree share"),
            Map.entry("tenure", "sitting member's tenure"),
            Map.entry("supporters", "our supporters there"),
            Map.entry("groups", "our district group's size"),
            Map.entry("house", "last House result against the lean"),
            Map.entry("incumbency", "Republican incumbent"),
            Map.entry("environment", "national environment"),
            Map.entry("ceiling", "independent's ceiling"),
            Map.entry("nominee", "progressive nominee's effect"),
            Map.entry("primary", "chance of the primary"),
            Map.entry("general", "chance of the general"),
            Map.entry("cost", "expected cost"),
            Map.entry("value", "value of the path"));

    private final String id;
    private final String title;
    private final String unit;
    private final String hint;

    FactorGroup(String id, String title, String unit, String hint) {
        this.id = id;
        this.title = title;
        this.unit = unit;
        this.hint = hint;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    String unit() {
        return unit;
    }

    String hint() {
        return hint;
    }

    /** One term of the model as the district page's table shows it. */
    public record Term(String key, String name, String value, String direction, String factor) {}

    /** The group's terms as app.js draws them. */
    public record Chart(List<String> labels, List<Double> values, String unit) {}

    List<Term> terms(Map<String, Double> contributions) {
        List<Term> terms = new ArrayList<>();
        contributions.forEach((key, value) -> {
            if (key.startsWith(id + ".")) {
                String name = key.substring(id.length() + 1);
                terms.add(new Term(
                        key,
                        NAMES.getOrDefault(name, name),
                        String.format(Locale.US, "%+.3f", value),
                        value > 0.0005 ? "helps" : value < -0.0005 ? "hurts" : "neutral",
                        this == SCORE ? String.format(Locale.US, "× %.3f", Math.exp(value)) : null));
            }
        });
        return terms;
    }

    Chart chart(Map<String, Double> contributions) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        contributions.forEach((key, value) -> {
            if (key.startsWith(id + ".")) {
                String name = key.substring(id.length() + 1);
                labels.add(NAMES.getOrDefault(name, name));
                values.add(Math.round(value * 1000) / 1000.0);
            }
        });
        return new Chart(labels, values, unit);
    }
}
