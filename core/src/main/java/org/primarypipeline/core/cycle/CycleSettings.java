package org.primarypipeline.core.cycle;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * What staff choose when they launch a cycle: how long each window stays open, how the vote flows and
 * is counted, the quorum, and the margin under which certification recounts on its own.
 *
 * @param policy       {@code smartocracy} or {@code liquid}
 * @param method       {@code irv}, {@code plurality} or {@code schulze}
 * @param quorumShare  exercised units needed, as a share of all units (0.20 = 20%)
 * @param recountMargin final margin, as a share of exercised units, under which a recount runs
 */
public record CycleSettings(
        Duration vettingPeriod,
        Duration nominationPeriod,
        Duration votingPeriod,
        String policy,
        String method,
        BigDecimal quorumShare,
        BigDecimal recountMargin,
        long fundraiserGoalCents) {

    public static final Duration LONGEST_WINDOW = Duration.ofDays(180);

    public CycleSettings {
        requireWindow("vetting period", vettingPeriod);
        requireWindow("nomination period", nominationPeriod);
        requireWindow("voting period", votingPeriod);
        policy = Objects.requireNonNullElse(policy, "smartocracy").toLowerCase(java.util.Locale.ROOT);
        method = Objects.requireNonNullElse(method, "irv").toLowerCase(java.util.Locale.ROOT);
        if (!policy.equals("smartocracy") && !policy.equals("liquid")) {
            throw new IllegalArgumentException("flow policy must be smartocracy or liquid, not " + policy);
        }
        if (!method.equals("irv") && !method.equals("plurality") && !method.equals("schulze")) {
            throw new IllegalArgumentException("tally method must be irv, plurality or schulze, not " + method);
        }
        quorumShare = Objects.requireNonNullElse(quorumShare, new BigDecimal("0.20"));
        recountMargin = Objects.requireNonNullElse(recountMargin, new BigDecimal("0.05"));
        requireShare("quorum", quorumShare);
        requireShare("recount margin", recountMargin);
        if (fundraiserGoalCents < 0) {
            throw new IllegalArgumentException("fundraiser goal cannot be negative");
        }
    }

    /** Two weeks per window, smartocracy, IRV, 20% quorum, recount under a 5% margin, $50,000 goal. */
    public static CycleSettings defaults() {
        return new CycleSettings(
                Duration.ofDays(14),
                Duration.ofDays(14),
                Duration.ofDays(14),
                "smartocracy",
                "irv",
                null,
                null,
                5_000_000L);
    }

    public CycleSettings withPeriods(Duration vetting, Duration nomination, Duration voting) {
        return new CycleSettings(
                vetting, nomination, voting, policy, method, quorumShare, recountMargin, fundraiserGoalCents);
    }

    public Duration periodOf(CycleStage stage) {
        return switch (stage) {
            case PLEDGE_VETTING -> vettingPeriod;
            case NOMINATION_WINDOW -> nominationPeriod;
            case VOTING_ROUND -> votingPeriod;
            default -> throw new IllegalArgumentException(stage + " has no window");
        };
    }

    private static void requireWindow(String name, Duration period) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        if (period.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException(name + " must be at most 180 days");
        }
    }

    private static void requireShare(String name, BigDecimal share) {
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " must be a share between 0 and 1");
        }
    }
}
