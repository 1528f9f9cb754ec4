package org.primarypipeline.core.priority;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The knobs of {@link PriorityModel}, each a named number with a documented default (see
 * docs/prioritization.md for the formulas they enter). They are judgement, not fitted values: staff
 * change them, re-run, and look at the {@link RankingDiff}.
 *
 * @param recentLean          share of the most recent presidential result in the lean (the rest
 *                            goes to the one before), 0..1
 * @param house               share of the last House result's over- or under-performance of the
 *                            presidential lean carried into the expected general margin, 0..1
 * @param marginScale         general-election margin, in points, that moves the win chance by
 *                            one logit (larger = less certain outcomes)
 * @param incumbency          points a sitting Republican adds to his own margin
 * @param environment         national swing toward Democrats in the coming election, points
 * @param progressivePenalty  points a progressive nominee runs behind a generic Democrat
 * @param independentAppeal   points an independent runs ahead of the Democratic lean
 * @param independentCeiling  Democratic two-party lean above which an independent gains nothing
 *                            more (Democrats contest such seats themselves and split the vote)
 * @param challengeBase       chance a progressive beats a sitting Democrat in a primary, all
 *                            other factors at their reference
 * @param openBase            chance a progressive wins an open Democratic primary, same basis
 * @param flipBase            chance a progressive wins the Democratic primary of a seat the
 *                            Republicans hold, same basis
 * @param independentBase     chance an independent makes the ballot as the one challenger
 * @param lean                primary logit per 10 points of Democratic two-party lean above 50%
 * @param density             primary logit per tenfold population density over 336 per sq mi
 * @param diversity           primary logit per 10 points of residents of colour above 39.5%
 * @param education           primary logit per 10 points of degree holders above 20.4%
 * @param tenure              primary logit per 10 years the sitting Democrat has served
 * @param record              primary logit per 0.1 of caucus position (DW-NOMINATE dimensions
 *                            added) the sitting Democrat votes to the right of what the seat's
 *                            lean usually elects
 * @param allyShare           a sitting Democrat among this most progressive share of the caucus
 *                            is an ally (ask them to sign the pledge) rather than a challenge target
 * @param supporters          primary logit per unit of ln(1 + our supporters per 1,000 residents)
 * @param groups              primary logit per unit of ln(1 + our group members per 1,000 residents)
 * @param cost                exponent of the expected cost in the score (1 = wins per dollar,
 *                            0 = cost ignored)
 * @param costShare           share of a district's typical total House race spending one
 *                            competitive campaign needs
 * @param minCostDollars      floor of the expected cost, whole dollars
 * @param fallbackRaceDollars total race spending assumed where the FEC has none, whole dollars
 *                            (the median district of 2022-2024)
 * @param valueChallenge      worth of a win by a primary challenge, relative to the others
 * @param valueOpen           worth of a win of an open Democratic seat
 * @param valueFlip           worth of flipping a Republican seat
 * @param valueIndependent    worth of an independent win
 * @param valueAlly           worth of replacing an ally with another progressive (little: the
 *                            seat already votes our way)
 */
public record PriorityWeights(
        double recentLean,
        double house,
        double marginScale,
        double incumbency,
        double environment,
        double progressivePenalty,
        double independentAppeal,
        double independentCeiling,
        double challengeBase,
        double openBase,
        double flipBase,
        double independentBase,
        double lean,
        double density,
        double diversity,
        double education,
        double tenure,
        double record,
        double allyShare,
        double supporters,
        double groups,
        double cost,
        double costShare,
        double minCostDollars,
        double fallbackRaceDollars,
        double valueChallenge,
        double valueOpen,
        double valueFlip,
        double valueIndependent,
        double valueAlly) {

    public PriorityWeights {
        requireFraction("recentLean", recentLean);
        requireFraction("house", house);
        requireFraction("independentCeiling", independentCeiling);
        requireFraction("allyShare", allyShare);
        for (double p : new double[] {challengeBase, openBase, flipBase, independentBase}) {
            if (!(p > 0 && p < 1)) {
                throw new IllegalArgumentException("base chances must lie strictly between 0 and 1: " + p);
            }
        }
        if (!(marginScale > 0)) {
            throw new IllegalArgumentException("marginScale must be positive: " + marginScale);
        }
        if (cost < 0 || costShare <= 0 || minCostDollars <= 0 || fallbackRaceDollars <= 0) {
            throw new IllegalArgumentException("cost weights must be positive");
        }
        if (valueChallenge < 0 || valueOpen < 0 || valueFlip < 0 || valueIndependent < 0 || valueAlly < 0) {
            throw new IllegalArgumentException("path values cannot be negative");
        }
    }

    public static PriorityWeights defaults() {
        return new PriorityWeights(
                0.75, 0.25, 4.0, 3.0, 0.0, 1.5, 10.0, 0.35, 0.08, 0.30, 0.45, 0.50, 0.15, 0.15, 0.08, 0.05, 0.10, 0.15,
                0.25, 0.40, 0.50, 1.0, 0.5, 250_000, 2_750_000, 1.0, 1.0, 1.0, 1.0, 0.1);
    }

    /**
     * The defaults with some weights replaced, e.g. from {@code lean=0.5} properties or a
     * {@code --weights lean=0.5,cost=0} option. Unknown names are refused so a typo is not
     * silently ignored.
     */
    public static PriorityWeights from(Map<String, String> overrides) {
        Map<String, Double> values = defaults().asMap();
        overrides.forEach((name, value) -> {
            String key = name.trim();
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("unknown weight '" + key + "'; known: " + values.keySet());
            }
            try {
                values.put(key, Double.parseDouble(value.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight " + key + " is not a number: " + value);
            }
        });
        return fromMap(values);
    }

    /** Parses {@code name=value,name=value}. */
    public static PriorityWeights parse(String commaSeparated) {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (commaSeparated != null && !commaSeparated.isBlank()) {
            for (String pair : commaSeparated.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected name=value, got '" + pair.trim() + "'");
                }
                overrides.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return from(overrides);
    }

    /** Every weight by name, in declaration order. */
    public Map<String, Double> asMap() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (RecordComponent c : PriorityWeights.class.getRecordComponents()) {
            try {
                values.put(c.getName(), (Double) c.getAccessor().invoke(this));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    /** The weights that differ from {@code other}, as {@code name: other -> this}. */
    public Map<String, String> differencesFrom(PriorityWeights other) {
        Map<String, String> diff = new LinkedHashMap<>();
        Map<String, Double> theirs = other.asMap();
        asMap().forEach((name, mine) -> {
            if (Double.compare(mine, theirs.get(name)) != 0) {
                diff.put(name, format(theirs.get(name)) + " -> " + format(mine));
            }
        });
        return diff;
    }

    double pathValue(Path path) {
        return switch (path) {
            case ALLY -> valueAlly;
            case PRIMARY_CHALLENGE -> valueChallenge;
            case OPEN_DEMOCRATIC_SEAT -> valueOpen;
            case FLIP_REPUBLICAN_SEAT -> valueFlip;
            case INDEPENDENT -> valueIndependent;
        };
    }

    double primaryBase(Path path) {
        return switch (path) {
            case ALLY, PRIMARY_CHALLENGE -> challengeBase;
            case OPEN_DEMOCRATIC_SEAT -> openBase;
            case FLIP_REPUBLICAN_SEAT -> flipBase;
            case INDEPENDENT -> independentBase;
        };
    }

    private static PriorityWeights fromMap(Map<String, Double> values) {
        RecordComponent[] components = PriorityWeights.class.getRecordComponents();
        Object[] args =
                Arrays.stream(components).map(c -> values.get(c.getName())).toArray();
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return PriorityWeights.class.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireFraction(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must lie between 0 and 1: " + v);
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v);
    }
}
