package org.primarypipeline.console.fundraising;

import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.fundraising.Committees;
import org.primarypipeline.fundraising.ConduitClock;
import org.springframework.stereotype.Service;

/**
 * Records the certified candidate's principal campaign committee (name, FEC id "C" and 8 digits,
 * treasurer, address). A wrong field is refused with {@link Committees.InvalidDetail}, which names it.
 */
@Service
public class RecordCommittee {

    private final Committees committees;
    private final CommitteeActions actions;
    private final ConduitClock clock;

    public RecordCommittee(Committees committees, CommitteeActions actions, ConduitClock clock) {
        this.clock = clock;
        this.committees = committees;
        this.actions = actions;
    }

    public Committees.Committee perform(StaffUser who, long fundraiser, Committees.Details details) {
        String before =
                committees.find(fundraiser).map(Committees.Committee::summary).orElse(null);
        return actions.perform(who, "finance.committee", fundraiser, before, () -> {
            Committees.Committee after = committees.record(fundraiser, details, who.getUsername());
            clock.ensureRunning(fundraiser);
            return after;
        });
    }
}
