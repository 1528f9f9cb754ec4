package org.primarypipeline.core.priority;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primarypipeline.core.district.DistrictId;

/**
 * Bang for the buck per district: expected progressive wins per million dollars, along the path
 * that gives a progressive the best chance there. Every figure is a sum of named terms so a
 * ranking can be explained and argued with; docs/prioritization.md documents the formulas.
 */
public final class PriorityModel {

    private final PriorityWeights weights;

    public PriorityModel(PriorityWeights weights) {
        this.weights = weights;
    }

    public static PriorityModel withDefaults() {
        return new PriorityModel(PriorityWeights.defaults());
    }

    public PriorityWeights weights() {
        return weights;
    }

    /**
     * Scores and ranks the districts, best first. Districts missing from {@code strength} have no
     * supporters yet.
     */
    public List<DistrictPriority> rank(Collection<DistrictFacts> facts, Map<DistrictId, SupporterStrength> strength) {
        List<DistrictPriority> scored = new ArrayList<>();
        for (DistrictFacts f : facts) {
            scored.add(assess(f, strength.getOrDefault(f.district(), SupporterStrength.NONE)));
        }
        scored.sort(Comparator.comparingDouble(DistrictPriority::score)
                .reversed()
                .thenComparing(DistrictPriority::district));
        List<DistrictPriority> ranked = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            ranked.add(scored.get(i).withRank(i + 1));
        }
        return ranked;
    }

    /** One district on its own, unranked (rank 0). */
    public DistrictPriority assess(DistrictFacts facts, SupporterStrength strength) {
        DistrictLean lean = DistrictLean.of(facts, weights);
        ExpectedCost cost = ExpectedCost.of(facts, weights);
        Evaluation best = null;
        Evaluation flip = null;
        for (Path path : candidatePaths(facts)) {
            Evaluation e = evaluate(path, facts, lean, strength);
            if (path == Path.FLIP_REPUBLICAN_SEAT) {
                flip = e;
            }
            if (best == null || e.value() > best.value()) {
                best = e;
            }
        }
        double costInMillions = cost.dollars() / 1_000_000.0;
        double score = best.value() / Math.pow(costInMillions, weights.cost());

        Map<String, Double> contributions = new LinkedHashMap<>(best.primary().terms());
        contributions.putAll(best.general().terms());
        contributions.put("score.primary", Math.log(best.primary().probability()));
        contributions.put("score.general", Math.log(best.general().probability()));
        contributions.put("score.cost", -weights.cost() * Math.log(costInMillions));
        contributions.put("score.value", Math.log(weights.pathValue(best.path())));

        return new DistrictPriority(
                facts.district(),
                lean.description(),
                best.primary().probability(),
                best.general().probability(),
                cost.dollars(),
                score,
                0,
                best.path(),
                PathReasons.of(
                        best.path(),
                        facts,
                        lean,
                        best.general().probability(),
                        flip == null ? Double.NaN : flip.general().probability(),
                        cost),
                contributions,
                gaps(facts, lean, cost, strength),
                facts.member() == null ? null : facts.member().standing());
    }

    /**
     * A Democrat's seat can only be taken through its primary, and a progressive Democrat's is an
     * ally's, not a target; a Republican's either by a
     * Democratic nominee or by an independent. With no record of the holder all paths compete.
     */
    private List<Path> candidatePaths(DistrictFacts facts) {
        Party holder = facts.holderParty();
        if (holder == Party.DEMOCRAT) {
            if (facts.isOpenSeat()) {
                return List.of(Path.OPEN_DEMOCRATIC_SEAT);
            }
            CaucusStanding standing =
                    facts.member() == null ? null : facts.member().standing();
            return List.of(
                    standing != null && standing.progressive(weights.allyShare()) ? Path.ALLY : Path.PRIMARY_CHALLENGE);
        }
        if (holder == null) {
            return List.of(Path.OPEN_DEMOCRATIC_SEAT, Path.FLIP_REPUBLICAN_SEAT, Path.INDEPENDENT);
        }
        return List.of(Path.FLIP_REPUBLICAN_SEAT, Path.INDEPENDENT);
    }

    private Evaluation evaluate(Path path, DistrictFacts facts, DistrictLean lean, SupporterStrength strength) {
        Odds primary = PrimaryOdds.of(path, facts, lean, strength, weights);
        Odds general = GeneralOdds.of(path, facts, lean, weights);
        return new Evaluation(
                path, primary, general, weights.pathValue(path) * primary.probability() * general.probability());
    }

    /** The loader's provenance labels, then what this model noticed missing or substituted. */
    private static List<String> gaps(
            DistrictFacts facts, DistrictLean lean, ExpectedCost cost, SupporterStrength strength) {
        List<String> gaps = new ArrayList<>(facts.gaps());
        HouseResult house = facts.lastHouse();
        if (house == null) {
            gaps.add(Gaps.NO_HOUSE_RESULT + " for this seat");
        } else if (!house.onSameLines()) {
            gaps.add(String.format(
                    Locale.ROOT,
                    "%s: the %d result of %s was on the old lines",
                    Gaps.REDRAWN_NO_HOUSE_RESULT,
                    house.year(),
                    facts.district()));
        } else if (house.contest() == HouseResult.Contest.UNCONTESTED) {
            gaps.add(Gaps.uncontested(house));
        } else if (house.contest() == HouseResult.Contest.NO_TWO_PARTY_CONTEST) {
            gaps.add(Gaps.noTwoPartyContest(house));
        }
        SittingMember member = facts.member();
        if (member != null
                && member.party() == Party.DEMOCRAT
                && member.standing() == null
                && facts.holderParty() == Party.DEMOCRAT) {
            gaps.add(Gaps.NO_ROLL_CALL_SCORE + ": " + member.name() + " has no Voteview score of a Congress before "
                    + facts.electionYear());
        }
        if (facts.isVacant()) {
            gaps.add(Gaps.vacant(house));
        } else if (facts.redrawn()) {
            gaps.add(Gaps.memberOnOldLines(facts.member(), facts.district()));
        }
        gaps.addAll(lean.gaps());
        gaps.addAll(cost.gaps());
        if (facts.demographics() == null) {
            gaps.add(Gaps.NO_DEMOGRAPHICS + ": demographic terms left at zero");
        }
        if (strength.isNone()) {
            gaps.add(Gaps.NO_SUPPORTERS);
        }
        return gaps;
    }

    private record Evaluation(Path path, Odds primary, Odds general, double value) {}
}
