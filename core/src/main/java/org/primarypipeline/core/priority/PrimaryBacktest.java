package org.primarypipeline.core.priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The primary part of the backtest: among the seats a sitting Democrat defended in a primary, did
 * the ranking put the ones where a challenger beat the incumbent at the top? Scored with the same
 * model and default weights from the facts known before the year, the incumbent's roll-call record
 * included only from a Congress that had finished before it.
 */
public final class PrimaryBacktest {

    public static final String OUTCOME = "a challenger beat the sitting Democrat in the primary (seats where a"
            + " Democrat sought renomination; seats left open and 2022's member-vs-member primaries are left out)";
    static final int TOP = 20;

    /**
     * @param seats         seats where a sitting Democrat sought renomination
     * @param upsets        of those, where a challenger won the primary
     * @param auc           chance an upset seat outranks another by the model's score
     * @param precisionAt20 share of upsets among the 20 best-ranked of those seats
     * @param primaryWinAuc the same AUC for the model's primary chance alone
     * @param scoresFrom    the Congress whose roll-call scores were used, or 0 when none was known
     * @param scored        seats whose incumbent had a roll-call score
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
            List<String> upsetRanks) {}

    private PrimaryBacktest() {}

    /** Years with a bundled list of primary results and the House results a backtest needs. */
    public static boolean supports(int year) {
        return HistoricFacts.supports(year) && PrimaryOutcomes.bundled().years().contains(year);
    }

    public static Optional<Report> run(int year) {
        if (!supports(year)) {
            return Optional.empty();
        }
        Map<org.primarypipeline.core.district.DistrictId, PrimaryOutcomes.Kind> defeats =
                PrimaryOutcomes.bundled().defeats(year);
        PriorityModel model = PriorityModel.withDefaults();
        List<DistrictPriority> seats = new ArrayList<>();
        List<Boolean> upset = new ArrayList<>();
        int scored = 0;
        for (DistrictFacts f : HistoricFacts.before(year)) {
            SittingMember m = f.member();
            if (m == null || m.party() != Party.DEMOCRAT || f.holderParty() != Party.DEMOCRAT) {
                continue;
            }
            PrimaryOutcomes.Kind kind = defeats.get(f.district());
            if (kind == PrimaryOutcomes.Kind.MEMBER_VS_MEMBER || (kind == null && f.isOpenSeat())) {
                continue;
            }
            // The loader calls a seat open when its member is missing from the general ballot, which a
            // primary defeat also causes: the beaten incumbent did seek renomination.
            DistrictFacts running = kind == null ? f : incumbentRunning(f);
            seats.add(model.assess(running, SupporterStrength.NONE));
            upset.add(kind != null);
            if (m.standing() != null) {
                scored++;
            }
        }
        double[] score = seats.stream().mapToDouble(DistrictPriority::score).toArray();
        double[] primary =
                seats.stream().mapToDouble(DistrictPriority::primaryWin).toArray();
        boolean[] labels = new boolean[upset.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = upset.get(i);
        }
        List<String> upsetRanks = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i]) {
                int better = 0;
                for (double s : score) {
                    if (s > score[i]) {
                        better++;
                    }
                }
                upsetRanks.add(seats.get(i).district() + " #" + (better + 1) + " ("
                        + seats.get(i).path().key() + ")");
            }
        }
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
                upsetRanks));
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
