package org.primarypipeline.core.priority;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.primarypipeline.core.district.DistrictId;

/**
 * Did the more progressive candidate win a Democratic seat's open primary? No bundled file lists
 * the candidates of past primaries, so the outcome is read from the winner's record afterwards: the
 * winner's first-term DW-NOMINATE position (Voteview, both dimensions added, as for incumbents)
 * against what Democrats of seats with that lean elected in the same Congress (a straight line over
 * its caucus). Left of the line counts as a progressive win. A proxy: it does not see the losers,
 * so a moderate field's most progressive candidate can still "lose" here.
 *
 * <p>Used only as the outcome of a backtest: the Congress it reads first met after the election.
 */
final class OpenPrimaryOutcomes {

    /**
     * @param winner         the Democratic nominee who won the general election
     * @param position       the winner's first-term position (DW-NOMINATE dim1 + dim2)
     * @param expected       what Democrats of seats with that lean hold in the same Congress
     * @param progressiveWon position left of expected
     */
    record Verdict(String winner, double position, double expected, boolean progressiveWon) {}

    /**
     * @param congress   the Congress the winners first sat in
     * @param verdicts   open Democratic seats with a verdict
     * @param unjudged   open Democratic seats without one, each with the reason
     */
    record Judged(int congress, Map<DistrictId, Verdict> verdicts, Map<DistrictId, String> unjudged) {}

    private OpenPrimaryOutcomes() {}

    /**
     * @param facts the year's districts as {@link HistoricFacts#before} gives them; the open
     *              Democratic seats are those a Democrat held whose member is not on the ballot and
     *              did not lose a primary ({@code defeated})
     */
    static Optional<Judged> judge(int year, List<DistrictFacts> facts, Map<DistrictId, ?> defeated) {
        Optional<DemocraticCaucus> elected = DemocraticCaucus.electedIn(year);
        Optional<DemocraticCaucus> before = DemocraticCaucus.electedIn(year - 2);
        if (elected.isEmpty() || before.isEmpty()) {
            return Optional.empty();
        }
        Map<DistrictId, Double> lean = new TreeMap<>();
        for (DistrictFacts f : facts) {
            lean.put(
                    f.district(), DistrictLean.of(f, PriorityWeights.defaults()).demShare());
        }
        DemocraticCaucus caucus = elected.get().fitSeats(lean);
        Map<DistrictId, HouseResult> results = HistoricFacts.results(year);
        Map<DistrictId, Verdict> verdicts = new TreeMap<>();
        Map<DistrictId, String> unjudged = new TreeMap<>();
        for (DistrictFacts f : facts) {
            if (f.holderParty() != Party.DEMOCRAT || !f.isOpenSeat() || defeated.containsKey(f.district())) {
                continue;
            }
            HouseResult result = results.get(f.district());
            if (result == null || result.winnerParty() != Party.DEMOCRAT) {
                unjudged.put(f.district(), "the Democrat lost the general election");
                continue;
            }
            var member = caucus.memberNamed(f.district(), result.winner());
            if (member.isEmpty()) {
                unjudged.put(
                        f.district(),
                        "no " + CaucusStanding.ordinal(caucus.congress()) + " Congress score for " + result.winner());
                continue;
            }
            if (before.get().includes(member.get().bioguideId())) {
                // A sitting member ran here (new seat number, or a special election won before): no open primary.
                unjudged.put(f.district(), result.winner() + " already sat in the House");
                continue;
            }
            CaucusStanding s = caucus.standingOfNamed(f.district(), result.winner(), lean.get(f.district()))
                    .orElseThrow();
            if (Double.isNaN(s.expectedForSeat())) {
                unjudged.put(f.district(), "no lean to compare with");
                continue;
            }
            verdicts.put(
                    f.district(), new Verdict(result.winner(), s.position(), s.expectedForSeat(), s.rightOfSeat() < 0));
        }
        return Optional.of(new Judged(caucus.congress(), verdicts, unjudged));
    }
}
