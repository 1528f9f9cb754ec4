package org.primarypipeline.core.vote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Hand-written votes for tests: {@code Votes.of("Ana", "Ben").proxy("Ana", "Ben", 10).ballot("Ben", "X>Y")}. */
final class Votes {

    private final List<String> members;
    private final List<ProxyShare> proxies = new ArrayList<>();
    private final List<Ballot> ballots = new ArrayList<>();
    private FlowPolicy policy = FlowPolicy.SMARTOCRACY;
    private TallyMethod method = TallyMethod.IRV;
    private long seed;

    private Votes(List<String> members) {
        this.members = new ArrayList<>(members);
    }

    static Votes of(String... members) {
        return new Votes(Arrays.asList(members));
    }

    Votes proxy(String member, String proxy, int units) {
        proxies.add(new ProxyShare(member, proxy, units));
        return this;
    }

    /** {@code ranking} as in ballots.csv: {@code X>Y>Z}. */
    Votes ballot(String member, String ranking) {
        ballots.add(new Ballot(member, ranking.isEmpty() ? List.of() : List.of(ranking.split(">"))));
        return this;
    }

    /** {@code count} members named {@code prefix1..prefixN}, each voting {@code ranking}. */
    Votes voters(String prefix, int count, String ranking) {
        for (int i = 1; i <= count; i++) {
            members.add(prefix + i);
            ballot(prefix + i, ranking);
        }
        return this;
    }

    Votes policy(FlowPolicy newPolicy) {
        policy = newPolicy;
        return this;
    }

    Votes method(TallyMethod newMethod) {
        method = newMethod;
        return this;
    }

    Votes seed(long newSeed) {
        seed = newSeed;
        return this;
    }

    VoteInput input() {
        return new VoteInput(members, proxies, ballots, policy, method, seed);
    }

    VoteResult count() {
        return VoteCount.count(input());
    }
}
