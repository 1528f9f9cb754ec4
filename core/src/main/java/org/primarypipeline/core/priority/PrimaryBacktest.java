package org.primarypipeline.core.priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.core.district.DistrictId;

/**
 * The primary part of the backtest: among the Democratic seats whose primary could bring in a new
 * progressive, did the ranking put the ones where it happened at the top? Two kinds of seat, one
 * ranking: seats where a sitting Democrat sought renomination (outcome: a challenger won) and open
 * Democratic seats (outcome: the winner votes to the left of what such seats elect,
 * {@link OpenPrimaryOutcomes}). Scored with the same model and default weights from the facts known
 * before the year, the incumbent's roll-call record included only from a Congress that had finished
 * before it.
 */
public final class PrimaryBacktest {

    public static final String OUTCOME = "a challenger beat the sitting Democrat in the primary (seats where a"
            + " Democrat sought renomination; 2022's member-vs-member primaries are left out), or, in an open"
            + " Democratic seat, the winner's first-term DW-NOMINATE position is left of what the same Congress's"
            + " Democrats of seats with that lean hold (seats the Democrat lost in November, or won by a sitting"
            + " member, are left out)";
    static final int TOP = 20;

    /**
     * @param seats                seats ranked: renomination seats and open seats with a verdict
     * @param upsets               renomination seats where a challenger won the primary
     * @param auc                  chance a seat with the outcome outranks one without, by the model's score
     * @param precisionAt20        share of seats with the outcome among the 20 best-ranked
     * @param primaryWinAuc        the same AUC for the model's primary chance alone
     * @param scoresFrom           the Congress whose roll-call scores were used, or 0 when none was known
     * @param scored               renomination seats whose incumbent had a roll-call score
     * @param challengeAuc         the AUC among renomination seats alone
     * @param openSeats            open seats with a verdict
     * @param openProgressiveWins  of those, where the winner votes left of the seat's expectation
     * @param openAuc              the AUC among open seats alone
     * @param outcomeCongress      the Congress whose first-term records judged the open seats, or 0
     * @param openUnjudged         open Democratic seats without a verdict, each with the reason
     * @param ranked               every ranked seat as the model assessed it, best first
     * @param openFirstAuc         the AUC of the plain rule "open seats first" (no model): what the seat
     *                             type alone explains of {@code auc}
     */
    public record Report(
            int year,
            int seats,
            int upsets,
            double auc,
            double precisionAt20,
            double primaryWinAuc,
            int scoresFrom,
            int scored,
            List<String> upsetRanks,
            double challengeAuc,
            int openSeats,
            int openProgressiveWins,
            double openAuc,
            int outcomeCongress,
            Map<DistrictId, String> openUnjudged,
            List<DistrictPriority> ranked,
            double openFirstAuc) {}

    private PrimaryBacktest() {}

    /** Years with a bundled list of primary results and the House results a backtest needs. */
    public static boolean supports(int year) {
        return HistoricFacts.supports(year) && PrimaryOutcomes.bundled().years().contains(year);
    }

    public static Optional<Report> run(int year) {
        if (!supports(year)) {
            return Optional.empty();
        }
        Map<DistrictId, PrimaryOutcomes.Kind> defeats =
                PrimaryOutcomes.bundled().defeats(year);
        List<DistrictFacts> facts = HistoricFacts.before(year);
        Optional<OpenPrimaryOutcomes.Judged> open = OpenPrimaryOutcomes.judge(year, facts, defeats);
        Map<DistrictId, OpenPrimaryOutcomes.Verdict> verdicts =
                open.map(OpenPrimaryOutcomes.Judged::verdicts).orElse(Map.of());
        PriorityModel model = PriorityModel.withDefaults();
        List<DistrictPriority> seats = new ArrayList<>();
        List<Boolean> outcome = new ArrayList<>();
        List<Boolean> isOpen = new ArrayList<>();
        int scored = 0;
        for (DistrictFacts f : facts) {
            SittingMember m = f.member();
            if (m == null || m.party() != Party.DEMOCRAT || f.holderParty() != Party.DEMOCRAT) {
                continue;
            }
            PrimaryOutcomes.Kind kind = defeats.get(f.district());
            if (kind == PrimaryOutcomes.Kind.MEMBER_VS_MEMBER) {
                continue;
            }
            if (kind == null && f.isOpenSeat()) {
                OpenPrimaryOutcomes.Verdict v = verdicts.get(f.district());
                if (v != null) {
                    seats.add(model.assess(f, SupporterStrength.NONE));
                    outcome.add(v.progressiveWon());
                    isOpen.add(true);
                }
                continue;
            }
            // The loader calls a seat open when its member is missing from the general ballot, which a
            // primary defeat also causes: the beaten incumbent did seek renomination.
            DistrictFacts running = kind == null ? f : incumbentRunning(f);
            seats.add(model.assess(running, SupporterStrength.NONE));
            outcome.add(kind != null);
            isOpen.add(false);
            if (m.standing() != null) {
                scored++;
            }
        }
        double[] score = seats.stream().mapToDouble(DistrictPriority::score).toArray();
        double[] primary =
                seats.stream().mapToDouble(DistrictPriority::primaryWin).toArray();
        boolean[] labels = toArray(outcome);
        List<String> upsetRanks = new ArrayList<>();
        int openWins = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] && isOpen.get(i)) {
                openWins++;
            } else if (labels[i]) {
                upsetRanks.add(seats.get(i).district() + " #" + rank(score, i) + " ("
                        + seats.get(i).path().key() + ")");
            }
        }
        List<DistrictPriority> ranked = seats.stream()
                .sorted((a, b) -> Double.compare(b.score(), a.score()))
                .toList();
        return Optional.of(new Report(
                year,
                seats.size(),
                upsetRanks.size(),
                RankingQuality.auc(score, labels),
                RankingQuality.precisionAt(TOP, score, labels),
                RankingQuality.auc(primary, labels),
                DemocraticCaucus.knownBefore(year)
                        .map(DemocraticCaucus::congress)
                        .orElse(0),
                scored,
                upsetRanks,
                subsetAuc(score, labels, isOpen, false),
                (int) isOpen.stream().filter(o -> o).count(),
                openWins,
                subsetAuc(score, labels, isOpen, true),
                open.map(OpenPrimaryOutcomes.Judged::congress).orElse(0),
                open.map(OpenPrimaryOutcomes.Judged::unjudged).orElse(Map.of()),
                ranked,
                RankingQuality.auc(isOpen.stream().mapToDouble(o -> o ? 1 : 0).toArray(), labels)));
    }

    /** 1 + the number of seats scored higher. */
    private static int rank(double[] score, int i) {
        int better = 0;
        for (double s : score) {
            if (s > score[i]) {
                better++;
            }
        }
        return better + 1;
    }

    /** The AUC among the open seats ({@code open}) or the renomination seats; NaN without both outcomes. */
    private static double subsetAuc(double[] score, boolean[] labels, List<Boolean> isOpen, boolean open) {
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (isOpen.get(i) == open) {
                in.add(i);
            }
        }
        double[] s = in.stream().mapToDouble(i -> score[i]).toArray();
        boolean[] l = new boolean[in.size()];
        boolean any = false;
        boolean all = true;
        for (int k = 0; k < l.length; k++) {
            l[k] = labels[in.get(k)];
            any |= l[k];
            all &= l[k];
        }
        return any && !all ? RankingQuality.auc(s, l) : Double.NaN;
    }

    private static boolean[] toArray(List<Boolean> values) {
        boolean[] out = new boolean[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static DistrictFacts incumbentRunning(DistrictFacts f) {
        return new DistrictFacts(
                f.district(),
                f.electionYear(),
                f.redrawn(),
                f.presidential(),
                f.lastHouse(),
                f.member(),
                f.holderParty(),
                null,
                f.raceMoney(),
                f.demographics(),
                f.gaps());
    }
}
