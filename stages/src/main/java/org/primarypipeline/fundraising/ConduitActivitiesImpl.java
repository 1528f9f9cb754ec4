package org.primarypipeline.fundraising;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Runs {@link Conduit#sweep} for the conduit workflow; each step inside is idempotent, so a retried tick is harmless. */
@Component
public class ConduitActivitiesImpl implements ConduitActivities {

    static final Duration MAX_SLEEP = Duration.ofHours(1);

    private final Conduit conduit;
    private final Committees committees;
    private final JdbcClient jdbc;
    private final Clock clock;

    public ConduitActivitiesImpl(Conduit conduit, Committees committees, JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.conduit = conduit;
        this.committees = committees;
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Tick tick(long fundraiserId) {
        var c = committees.find(fundraiserId);
        if (c.isEmpty()) {
            return new Tick(true, 0, 0, 0, 0);
        }
        if (c.get().accountId() != null && !c.get().connected()) {
            conduit.refresh(fundraiserId); // in case the account.updated event was missed
        }
        Conduit.Sweep s = conduit.sweep(fundraiserId);
        Instant now = clock.instant();
        boolean over = jdbc.sql("""
                select (status = 'DEACTIVATED' or coalesce(ends_on, current_date) + 30 < cast(? as date))
                   and not exists (select 1 from earmark_forward e join donation d on d.id = e.donation_id
                                   where e.fundraiser_id = f.id and e.transfer_id is null
                                     and d.amount_cents - d.refunded_cents - d.disputed_cents > 0)
                from fundraiser f where id = ?
                """)
                .params(
                        java.sql.Date.valueOf(
                                now.atZone(java.time.ZoneOffset.UTC).toLocalDate()),
                        fundraiserId)
                .query(Boolean.class)
                .single();
        long sleep = s.nextDeadlineWarning()
                .map(at -> Math.max(1, Duration.between(now, at).toSeconds()))
                .map(secs -> Math.min(secs, MAX_SLEEP.toSeconds()))
                .orElse(MAX_SLEEP.toSeconds());
        if (s.forwarded() >= Conduit.FORWARDS_PER_SWEEP) {
            sleep = 1; // more held gifts than one sweep sends: go on at once
        }
        return new Tick(over, sleep, s.forwarded(), s.reversed(), s.escalated());
    }
}
