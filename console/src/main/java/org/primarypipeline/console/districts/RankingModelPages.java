package org.primarypipeline.console.districts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primarypipeline.core.priority.DistrictPriority;
import org.primarypipeline.core.priority.Path;
import org.primarypipeline.core.priority.PriorityWeights;
import org.primarypipeline.core.priority.RankingDiff;
import org.springframework.stereotype.Component;

/** Typed page models for the model's description and the weights preview. */
@Component
public class RankingModelPages {

    static final int SHOWN = 20;

    public record PathRule(String key, String label, String rule) {}

    public record Weight(String name, String value) {}

    public record ModelPage(String title, List<PathRule> paths, List<Weight> weights) {}

    public record WeightField(String name, String value, String current, String error, boolean changed) {}

    /** One line of the side-by-side top 20: the current ranking's n-th and the preview's n-th. */
    public record SideBySide(
            int rank,
            String currentDistrict,
            String currentPath,
            String currentScore,
            String previewDistrict,
            String previewPath,
            String previewScore,
            String previewMove) {}

    public record MoveRow(String district, int fromRank, int toRank, String places, String pathChange) {}

    public record WeightsPage(
            String title,
            List<WeightField> fields,
            boolean hasErrors,
            boolean hasPreview,
            String changes,
            List<SideBySide> rows,
            List<MoveRow> moves,
            String summary) {}

    public ModelPage model() {
        List<PathRule> paths = List.of(
                rule(
                        Path.ALLY,
                        "A sitting Democrat among the most progressive quarter of the House Democrats by Voteview's"
                                + " roll-call scores (allyShare): ask them to sign the pledge; a challenge would replace an ally."),
                rule(
                        Path.PRIMARY_CHALLENGE,
                        "Any other sitting Democrat who runs again; the further right of what the"
                                + " seat's lean usually elects the member votes, the better a challenger's chance (record)."),
                rule(
                        Path.OPEN_DEMOCRATIC_SEAT,
                        "A Democratic seat without its member on the ballot (vacancy, or FEC"
                                + " filings for an open seat), whatever the departing member voted."),
                rule(
                        Path.FLIP_REPUBLICAN_SEAT,
                        "A Republican seat a progressive Democrat can win: chosen where the"
                                + " Democratic nominee's chance beats an independent's."),
                rule(
                        Path.INDEPENDENT,
                        "A Republican seat too red for a Democrat, where an independent without the"
                                + " party label is best received (independentAppeal, independentCeiling)."));
        List<Weight> weights = new ArrayList<>();
        PriorityWeights.defaults().asMap().forEach((n, v) -> weights.add(new Weight(n, RankingPreview.plain(v))));
        return new ModelPage("How districts are ranked", paths, weights);
    }

    public WeightsPage weights(RankingPreview.Result r) {
        List<WeightField> fields = r.fields().stream()
                .map(f -> new WeightField(
                        f.name(),
                        f.value(),
                        RankingPreview.plain(f.current()),
                        f.error(),
                        r.changed().containsKey(f.name())))
                .toList();
        boolean hasErrors = fields.stream().anyMatch(f -> f.error() != null);
        List<SideBySide> rows = new ArrayList<>();
        Map<String, RankingDiff.Move> moves = new java.util.HashMap<>();
        if (r.diff() != null) {
            r.diff().moves().forEach(m -> moves.put(m.district().toString(), m));
        }
        for (int i = 0; i < Math.min(SHOWN, r.current().size()); i++) {
            DistrictPriority c = r.current().get(i);
            DistrictPriority p = r.preview() == null ? null : r.preview().get(i);
            RankingDiff.Move m = p == null ? null : moves.get(p.district().toString());
            rows.add(new SideBySide(
                    i + 1,
                    c.district().toString(),
                    c.path().key(),
                    score(c),
                    p == null ? "" : p.district().toString(),
                    p == null ? "" : p.path().key(),
                    p == null ? "" : score(p),
                    m == null ? "" : m.placesUp() == 0 ? "=" : String.format(Locale.ROOT, "%+d", m.placesUp())));
        }
        List<MoveRow> largest = r.diff() == null
                ? List.of()
                : r.diff().moves().stream()
                        .filter(m -> m.placesUp() != 0)
                        .limit(15)
                        .map(m -> new MoveRow(
                                m.district().toString(),
                                m.fromRank(),
                                m.toRank(),
                                String.format(Locale.ROOT, "%+d", m.placesUp()),
                                m.pathChanged()
                                        ? m.fromPath().key() + " → "
                                                + m.toPath().key()
                                        : ""))
                        .toList();
        String summary = r.diff() == null
                ? null
                : String.format(
                        Locale.ROOT,
                        "Against the current weights: %d districts move up, %d down, %d change path; %d enter or"
                                + " leave the top %d.",
                        r.diff().movedUp().size(),
                        r.diff().movedDown().size(),
                        r.diff().pathChanges().size(),
                        r.diff().crossings(SHOWN).size() / 2,
                        SHOWN);
        String changes = r.changed().isEmpty()
                ? null
                : String.join(
                        "; ",
                        r.changed().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .toList());
        return new WeightsPage(
                "Preview other weights", fields, hasErrors, r.preview() != null, changes, rows, largest, summary);
    }

    private static PathRule rule(Path p, String rule) {
        return new PathRule(p.key(), p.label(), rule);
    }

    private static String score(DistrictPriority p) {
        return String.format(Locale.ROOT, "%.3f", p.score());
    }
}
