package org.primarypipeline.console.districts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primarypipeline.batch.prioritize.SupporterStrengths;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.priority.DistrictPriority;
import org.primarypipeline.core.priority.PriorityModel;
import org.primarypipeline.core.priority.PriorityWeights;
import org.primarypipeline.core.priority.PublicDataFacts;
import org.primarypipeline.core.priority.RankingDiff;
import org.primarypipeline.core.priority.SupporterStrength;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one door for previewing the ranking under other weights (the console's twin of
 * {@code pp prioritize --weights}): read-only, nothing is saved or audited. The current ranking
 * and the preview are computed alike, from the bundled public data and our group sizes now, so
 * the only difference between them is the weights.
 */
@Service
public class RankingPreview {

    /** What a staff member typed for one weight, and what is wrong with it (null when nothing). */
    public record Field(String name, String value, double current, String error) {}

    /**
     * @param fields  every weight in the model's order, as typed or as currently set
     * @param current the ranking under the weights the prioritization job uses
     * @param preview the ranking under the typed weights, or null when they are refused or unchanged
     * @param changed the weights that differ, as {@code name: current -> typed}
     */
    public record Result(
            List<Field> fields,
            List<DistrictPriority> current,
            List<DistrictPriority> preview,
            RankingDiff diff,
            Map<String, String> changed) {}

    private final Permissions permissions;
    private final SupporterStrengths strengths;
    private final PriorityWeights configured;

    public RankingPreview(
            Permissions permissions,
            SupporterStrengths strengths,
            @Value("${pp.prioritize.weights:}") String configuredWeights) {
        this.permissions = permissions;
        this.strengths = strengths;
        this.configured = PriorityWeights.parse(configuredWeights);
    }

    /** @param typed weight name to the text typed for it; names the model does not know are ignored */
    public Result preview(StaffUser who, Map<String, String> typed) {
        permissions.require(who, Right.VIEW, "priority.preview", "");
        Map<String, Double> current = configured.asMap();
        Map<String, String> overrides = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        current.forEach((name, value) -> {
            String text = typed.get(name);
            if (text == null || text.isBlank()) {
                return;
            }
            try {
                if (Double.parseDouble(text.trim()) != value) {
                    overrides.put(name, text.trim());
                }
            } catch (NumberFormatException e) {
                errors.put(name, "Write a number here, for example " + plain(value) + ".");
            }
        });
        // Each typed value alone against the current weights, so a refusal lands beside its own field.
        overrides.forEach((name, text) -> {
            if (!errors.containsKey(name)) {
                try {
                    withOverrides(current, Map.of(name, text));
                } catch (IllegalArgumentException refused) {
                    errors.put(name, sentence(refused.getMessage()));
                }
            }
        });
        PriorityWeights weights = null;
        if (errors.isEmpty()) {
            try {
                weights = withOverrides(current, overrides);
            } catch (IllegalArgumentException refused) {
                errors.put(overrides.keySet().iterator().next(), sentence(refused.getMessage()));
            }
        }
        List<Field> fields = current.entrySet().stream()
                .map(e -> new Field(
                        e.getKey(),
                        typed.getOrDefault(e.getKey(), plain(e.getValue())),
                        e.getValue(),
                        errors.get(e.getKey())))
                .toList();
        Map<DistrictId, SupporterStrength> ours = strengths.ofCurrentPlan();
        List<DistrictPriority> base = new PriorityModel(configured).rank(PublicDataFacts.plan2026(), ours);
        if (weights == null || overrides.isEmpty()) {
            return new Result(fields, base, null, null, Map.of());
        }
        List<DistrictPriority> changed = new PriorityModel(weights).rank(PublicDataFacts.plan2026(), ours);
        return new Result(
                fields, base, changed, RankingDiff.between(base, changed), weights.differencesFrom(configured));
    }

    private static PriorityWeights withOverrides(Map<String, Double> current, Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>();
        current.forEach((name, value) -> all.put(name, Double.toString(value)));
        all.putAll(overrides);
        return PriorityWeights.from(all);
    }

    private static String sentence(String message) {
        String m = message == null ? "This value is refused" : message.trim();
        String first = m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1);
        return first.endsWith(".") ? first : first + ".";
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v);
    }
}
