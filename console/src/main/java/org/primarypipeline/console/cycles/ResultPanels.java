package org.primarypipeline.console.cycles;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primarypipeline.console.web.DataBlock;
import org.primarypipeline.console.web.Format;

/** Turnout and the round-by-round result as the page shows them: tables, and the charts' data blocks. */
final class ResultPanels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.US);

    /** One round of a stored result: units behind each candidacy id, units exhausted, who went out. */
    record Round(Map<String, BigDecimal> tallies, BigDecimal exhausted, List<String> eliminated) {}

    record TurnoutChart(List<String> labels, List<Integer> perDay, List<Integer> cumulative) {}

    record Series(String label, List<Double> data) {}

    record RoundsChart(List<String> labels, List<Series> series, List<Double> exhausted) {}

    private ResultPanels() {}

    static CyclePage.TurnoutPanel turnout(CycleReadModel.Turnout turnout) {
        List<CyclePage.TurnoutDay> days = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> perDay = new ArrayList<>();
        List<Integer> cumulative = new ArrayList<>();
        for (CycleReadModel.Day d : turnout.days()) {
            String label = d.day().format(DAY);
            labels.add(label);
            perDay.add(d.ballots());
            cumulative.add(d.cumulative());
            days.add(new CyclePage.TurnoutDay(label, d.ballots(), d.cumulative(), share(d.cumulative(), turnout)));
        }
        return new CyclePage.TurnoutPanel(
                turnout.electorate(),
                turnout.ballots(),
                share(turnout.ballots(), turnout),
                days,
                !days.isEmpty(),
                DataBlock.json(new TurnoutChart(labels, perDay, cumulative)));
    }

    private static String share(int ballots, CycleReadModel.Turnout turnout) {
        return turnout.electorate() == 0 ? "" : Format.percent((double) ballots / turnout.electorate());
    }

    static CyclePage.ResultPanel result(CycleReadModel.Result result, Map<Long, String> names) {
        List<Round> rounds = rounds(result.document());
        List<String> candidates = new ArrayList<>();
        rounds.forEach(r -> r.tallies().keySet().stream()
                .filter(k -> !candidates.contains(k))
                .forEach(candidates::add));
        List<Series> series = new ArrayList<>();
        for (String c : candidates) {
            List<Double> data = new ArrayList<>();
            for (Round r : rounds) {
                BigDecimal v = r.tallies().get(c);
                data.add(v == null ? null : units(v).doubleValue());
            }
            series.add(new Series(name(c, names), data));
        }
        List<String> labels = new ArrayList<>();
        List<Double> exhausted = new ArrayList<>();
        List<CyclePage.RoundRow> table = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            labels.add("Round " + (i + 1));
            exhausted.add(units(r.exhausted()).doubleValue());
            Map<String, BigDecimal> previous =
                    i == 0 ? Map.of() : rounds.get(i - 1).tallies();
            List<CyclePage.Cell> cells = new ArrayList<>();
            for (String c : candidates) {
                BigDecimal v = r.tallies().get(c);
                BigDecimal before = previous.get(c);
                String change = "";
                if (i > 0 && v != null && before != null && v.compareTo(before) != 0) {
                    BigDecimal delta = v.subtract(before);
                    change = (delta.signum() > 0 ? "+" : "") + units(delta).toPlainString();
                }
                cells.add(new CyclePage.Cell(v == null ? "out" : units(v).toPlainString(), change));
            }
            table.add(new CyclePage.RoundRow(
                    "Round " + (i + 1),
                    cells,
                    units(r.exhausted()).toPlainString(),
                    String.join(
                            ", ",
                            r.eliminated().stream().map(e -> name(e, names)).toList())));
        }
        // the tie note names people; results counted before it was kept have only the ids' version
        JsonNode tieBreak = result.document().has("tieNote")
                ? result.document().path("tieNote")
                : result.document().path("tieBreak");
        JsonNode decisive = result.document().path("decisive");
        return new CyclePage.ResultPanel(
                result.winner() == null ? "none" : names.getOrDefault(result.winner(), "#" + result.winner()),
                result.runnerUp() == null ? "none" : names.getOrDefault(result.runnerUp(), "#" + result.runnerUp()),
                result.quorumMet(),
                units(result.exercisedUnits()).toPlainString(),
                units(result.totalUnits()).toPlainString(),
                result.totalUnits().signum() == 0
                        ? ""
                        : Format.percent(result.exercisedUnits().doubleValue()
                                / result.totalUnits().doubleValue()),
                result.marginShare() == null ? "" : Format.percent(result.marginShare()),
                result.document().path("decidedByLot").asBoolean(false),
                decisive(decisive, names),
                result.method(),
                result.policy(),
                result.seed(),
                result.electorate(),
                tieBreak.isNull() ? null : tieBreak.asText(null),
                candidates.stream().map(c -> name(c, names)).toList(),
                table,
                DataBlock.json(new RoundsChart(labels, series, exhausted)));
    }

    /** "Ana Ruiz against Ben Ode in round 3, 2.5 units apart"; empty for results stored without it. */
    private static String decisive(JsonNode decisive, Map<Long, String> names) {
        if (!decisive.hasNonNull("winner")) {
            return "";
        }
        String winner = name(decisive.path("winner").asText(), names);
        if (!decisive.hasNonNull("rival")) {
            return winner + " stood alone";
        }
        return winner + " against " + name(decisive.path("rival").asText(), names) + " in round "
                + decisive.path("round").asInt() + ", "
                + new BigDecimal(decisive.path("margin").asText("0"))
                        .stripTrailingZeros()
                        .toPlainString()
                + " units apart";
    }

    static List<Round> rounds(JsonNode document) {
        List<Round> rounds = new ArrayList<>();
        for (JsonNode round : document.path("rounds")) {
            Map<String, BigDecimal> tallies = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = round.path("tallies").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                tallies.put(f.getKey(), new BigDecimal(f.getValue().asText()));
            }
            List<String> eliminated = new ArrayList<>();
            round.path("eliminated").forEach(e -> eliminated.add(e.asText()));
            rounds.add(new Round(tallies, new BigDecimal(round.path("exhausted").asText("0")), eliminated));
        }
        return rounds;
    }

    private static String name(String candidacyId, Map<Long, String> names) {
        try {
            return names.getOrDefault(Long.valueOf(candidacyId), "#" + candidacyId);
        } catch (NumberFormatException e) {
            return candidacyId;
        }
    }

    /** Units to two decimals, without trailing zeros: 30, 12.5, 3.33. */
    private static BigDecimal units(BigDecimal v) {
        BigDecimal rounded = v.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
