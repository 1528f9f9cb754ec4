package org.primarypipeline.console.voting;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.console.cycles.CycleReadModel;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.voting.Receipts;
import org.springframework.stereotype.Component;

/**
 * Reads a cycle's public result: the stored count (rounds, eliminations, exhausted units), where the
 * units went, and the sealed chain. Only nominees are named, by the candidacy names on the ballot; the
 * failure reason staff see is never shown, since it is written for them.
 */
@Component
class ResultsPages {

    private final BallotService ballots;
    private final CycleReadModel reads;
    private final CandidacyRepository candidacies;
    private final Receipts receipts;

    ResultsPages(BallotService ballots, CycleReadModel reads, CandidacyRepository candidacies, Receipts receipts) {
        this.ballots = ballots;
        this.reads = reads;
        this.candidacies = candidacies;
        this.receipts = receipts;
    }

    ResultsPageModels.Page page(String cycleId) {
        CycleRecord cycle = ballots.cycle(cycleId);
        CycleReadModel.Result result = reads.result(cycleId).orElse(null);
        boolean failed = cycle.status() == CycleStatus.FAILED;
        boolean cancelled = cycle.status() == CycleStatus.CANCELLED;
        boolean counted = result != null && receipts.publication(cycleId).isPresent();
        boolean certified = counted
                && !failed
                && !cancelled
                && (cycle.status() == CycleStatus.COMPLETED || cycle.stage().isAfter(CycleStage.CERTIFICATION));
        String state =
                cancelled ? "cancelled" : failed ? "failed" : certified ? "certified" : counted ? "counted" : "pending";
        Map<Long, String> names = new HashMap<>();
        candidacies.ofCycle(cycleId).forEach(c -> names.put(c.id(), c.fullName()));
        List<ResultsPageModels.Round> rounds = counted ? rounds(result.document(), names) : List.of();
        String winner =
                counted && result.winner() != null ? names.getOrDefault(result.winner(), "#" + result.winner()) : null;
        ResultsPageModels.Chain chain = receipts.publication(cycleId)
                .map(p -> new ResultsPageModels.Chain(p.chainHead(), p.chainLength(), p.countedBallots()))
                .orElse(null);
        return new ResultsPageModels.Page(
                cycle.districtId() + " " + cycleId,
                cycleId,
                cycle.districtId(),
                state,
                counted,
                certified,
                failed,
                cancelled,
                !counted && !failed && !cancelled,
                counted && !result.quorumMet(),
                winner,
                counted && winner == null,
                counted && result.document().path("decidedByLot").asBoolean(false),
                rounds,
                counted ? turnout(result, chain) : null,
                chain,
                "/ballot/" + cycleId + "/check",
                "/ballot/" + cycleId + "/audit-bundle");
    }

    private static ResultsPageModels.Turnout turnout(CycleReadModel.Result result, ResultsPageModels.Chain chain) {
        JsonNode doc = result.document();
        BigDecimal total = result.totalUnits();
        BigDecimal exercised = result.exercisedUnits();
        BigDecimal unexercised = amount(doc, "unexercisedUnits", total.subtract(exercised));
        boolean byCause = doc.has("unexercisedDeadEnds") && doc.has("unexercisedCycles");
        double share = total.signum() == 0 ? 0 : exercised.doubleValue() / total.doubleValue();
        return new ResultsPageModels.Turnout(
                result.electorate(),
                chain == null ? 0 : chain.counted(),
                units(total),
                units(exercised),
                Format.percent(share),
                (int) Math.round(share * 100),
                units(unexercised),
                byCause ? units(amount(doc, "unexercisedDeadEnds", BigDecimal.ZERO)) : "",
                byCause ? units(amount(doc, "unexercisedCycles", BigDecimal.ZERO)) : "",
                byCause);
    }

    private static List<ResultsPageModels.Round> rounds(JsonNode document, Map<Long, String> names) {
        List<ResultsPageModels.Round> rounds = new ArrayList<>();
        Map<String, BigDecimal> previous = Map.of();
        int number = 0;
        for (JsonNode round : document.path("rounds")) {
            number++;
            Map<String, BigDecimal> tallies = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = round.path("tallies").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                tallies.put(f.getKey(), new BigDecimal(f.getValue().asText("0")));
            }
            List<String> eliminated = new ArrayList<>();
            round.path("eliminated").forEach(e -> eliminated.add(name(e.asText(), names)));
            BigDecimal widest = tallies.values().stream().reduce(BigDecimal.ZERO, BigDecimal::max);
            List<ResultsPageModels.Bar> bars = new ArrayList<>();
            for (Map.Entry<String, BigDecimal> t : tallies.entrySet()) {
                BigDecimal before = previous.get(t.getKey());
                String change = "";
                if (before != null && before.compareTo(t.getValue()) != 0) {
                    BigDecimal delta = t.getValue().subtract(before);
                    change = (delta.signum() > 0 ? "+" : "") + units(delta);
                }
                int width = widest.signum() == 0
                        ? 0
                        : t.getValue()
                                .multiply(BigDecimal.valueOf(100))
                                .divide(widest, 0, RoundingMode.HALF_UP)
                                .intValue();
                String name = name(t.getKey(), names);
                bars.add(
                        new ResultsPageModels.Bar(name, units(t.getValue()), width, change, eliminated.contains(name)));
            }
            rounds.add(new ResultsPageModels.Round(
                    number,
                    bars,
                    units(amount(round, "exhausted", BigDecimal.ZERO)),
                    String.join(", ", eliminated),
                    !eliminated.isEmpty()));
            previous = tallies;
        }
        return rounds;
    }

    private static BigDecimal amount(JsonNode node, String field, BigDecimal otherwise) {
        return node.hasNonNull(field) ? new BigDecimal(node.path(field).asText()) : otherwise;
    }

    private static String name(String candidacyId, Map<Long, String> names) {
        try {
            return names.getOrDefault(Long.valueOf(candidacyId), "#" + candidacyId);
        } catch (NumberFormatException e) {
            return "#" + candidacyId;
        }
    }

    /** Units to two decimals without trailing zeros: 30, 12.5, 3.33. */
    static String units(BigDecimal v) {
        BigDecimal rounded = v.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
    }
}
