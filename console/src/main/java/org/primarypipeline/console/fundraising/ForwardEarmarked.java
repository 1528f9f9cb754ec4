package org.primarypipeline.console.fundraising;

import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.fundraising.Committees;
import org.primarypipeline.fundraising.Conduit;
import org.primarypipeline.fundraising.ConduitClock;
import org.springframework.stereotype.Service;

/**
 * Asks Stripe where the committee's account stands, then forwards what is held, reverses what was
 * refused or disputed and warns of deadlines: what the conduit's timer does, now. Idempotent.
 */
@Service
public class ForwardEarmarked {

    private final Conduit conduit;
    private final Committees committees;
    private final CommitteeActions actions;
    private final ConduitClock clock;

    public ForwardEarmarked(Conduit conduit, Committees committees, CommitteeActions actions, ConduitClock clock) {
        this.clock = clock;
        this.conduit = conduit;
        this.committees = committees;
        this.actions = actions;
    }

    public record Forwarded(boolean connected, int forwarded, int reversed, int escalated) {}

    public Forwarded perform(StaffUser who, long fundraiser) {
        String before =
                committees.find(fundraiser).map(Committees.Committee::summary).orElse(null);
        return actions.perform(who, "finance.forward", fundraiser, before, () -> {
            Committees.Committee c = conduit.refresh(fundraiser);
            Conduit.Sweep s = conduit.sweep(fundraiser);
            clock.ensureRunning(fundraiser); // a fundraiser launched before the clock existed gets one now
            return new Forwarded(c.connected(), s.forwarded(), s.reversed(), s.escalated());
        });
    }
}
