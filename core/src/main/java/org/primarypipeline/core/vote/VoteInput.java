package org.primarypipeline.core.vote;

import java.util.List;

/**
 * Everything a count needs, keyed by member id. Row order carries no meaning: the count canonicalises
 * it, so the same rows in any order give the same result. A missing policy or method takes the default
 * (smartocracy, IRV); the seed is the value published when the round opened, used only to draw lots.
 */
public record VoteInput(
        List<String> members,
        List<ProxyShare> proxies,
        List<Ballot> ballots,
        FlowPolicy policy,
        TallyMethod method,
        long seed) {

    public VoteInput {
        members = members == null ? List.of() : members;
        proxies = proxies == null ? List.of() : proxies;
        ballots = ballots == null ? List.of() : ballots;
        policy = policy == null ? FlowPolicy.SMARTOCRACY : policy;
        method = method == null ? TallyMethod.IRV : method;
    }

    public VoteInput(List<String> members, List<ProxyShare> proxies, List<Ballot> ballots) {
        this(members, proxies, ballots, FlowPolicy.SMARTOCRACY, TallyMethod.IRV, 0L);
    }

    public VoteInput withPolicy(FlowPolicy newPolicy) {
        return new VoteInput(members, proxies, ballots, newPolicy, method, seed);
    }

    public VoteInput withMethod(TallyMethod newMethod) {
        return new VoteInput(members, proxies, ballots, policy, newMethod, seed);
    }

    public VoteInput withSeed(long newSeed) {
        return new VoteInput(members, proxies, ballots, policy, method, newSeed);
    }
}
