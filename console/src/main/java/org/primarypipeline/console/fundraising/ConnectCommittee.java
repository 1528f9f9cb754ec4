package org.primarypipeline.console.fundraising;

import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.fundraising.Committees;
import org.primarypipeline.fundraising.Conduit;
import org.springframework.stereotype.Service;

/**
 * Starts (or resumes) the committee's Stripe Connect onboarding: creates its connected account once
 * and returns a fresh account link for the treasurer, good for a few minutes.
 */
@Service
public class ConnectCommittee {

    private final Conduit conduit;
    private final Committees committees;
    private final CommitteeActions actions;

    public ConnectCommittee(Conduit conduit, Committees committees, CommitteeActions actions) {
        this.conduit = conduit;
        this.committees = committees;
        this.actions = actions;
    }

    public record Link(String url) {
        @Override
        public String toString() {
            return "onboarding link issued";
        }
    }

    public Link perform(StaffUser who, long fundraiser) {
        String before =
                committees.find(fundraiser).map(Committees.Committee::summary).orElse(null);
        return actions.perform(
                who,
                "finance.committee.onboarding",
                fundraiser,
                before,
                () -> new Link(conduit.onboardingLink(fundraiser)));
    }
}
