package org.primarypipeline.console.fundraising;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.primarypipeline.fundraising.Committees;
import org.primarypipeline.fundraising.Conduit;
import org.primarypipeline.fundraising.FinanceReports;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The committee page's model: the details form, the Stripe account's state, gifts held and their deadlines. */
@Component
public class CommitteePages {

    /** The form's values and the sentence beside each field that needs correcting. */
    public record Form(
            String name,
            String fecId,
            String treasurer,
            String address,
            String nameError,
            String fecIdError,
            String treasurerError,
            String addressError) {
        static Form of(Committees.Committee c) {
            return new Form(c.name(), c.fecId(), c.treasurer(), c.address(), null, null, null, null);
        }

        static Form refused(Committees.Details d, Committees.InvalidDetail e) {
            String m = e.getMessage();
            return new Form(
                    d.name(),
                    d.fecId(),
                    d.treasurer(),
                    d.address(),
                    e.field().equals("name") ? m : null,
                    e.field().equals("fecId") ? m : null,
                    e.field().equals("treasurer") ? m : null,
                    e.field().equals("address") ? m : null);
        }
    }

    public record HeldRow(
            long donationId,
            String donor,
            String amount,
            String received,
            String dueBy,
            long daysLeft,
            boolean late,
            boolean escalated) {}

    public record Page(
            long fundraiserId,
            String title,
            Form form,
            boolean recorded,
            String accountId,
            boolean detailsSubmitted,
            boolean chargesEnabled,
            boolean payoutsEnabled,
            boolean connected,
            String connectedAt,
            List<HeldRow> held,
            boolean nothingHeld) {}

    private final Committees committees;
    private final Conduit conduit;
    private final FinanceReports reports;
    private final Clock clock;

    public CommitteePages(Committees committees, Conduit conduit, FinanceReports reports, ObjectProvider<Clock> clock) {
        this.committees = committees;
        this.conduit = conduit;
        this.reports = reports;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Page page(long fundraiserId, Form refused) {
        Committees.Committee c = committees
                .find(fundraiserId)
                .orElseThrow(() -> new FinanceRefusal.NoSuchFundraiser(Long.toString(fundraiserId)));
        String title = reports.progress(fundraiserId)
                .map(FinanceReports.Progress::title)
                .orElse("Fundraiser");
        Instant now = clock.instant();
        List<HeldRow> held = conduit.held(fundraiserId).stream()
                .map(h -> new HeldRow(
                        h.donationId(),
                        h.donorName(),
                        h.amount(),
                        day(h.receivedAt()),
                        day(h.dueBy()),
                        h.daysLeft(now),
                        h.dueBy().isBefore(now),
                        h.escalated()))
                .toList();
        return new Page(
                fundraiserId,
                title,
                refused != null ? refused : Form.of(c),
                c.recorded(),
                c.accountId(),
                c.detailsSubmitted(),
                c.chargesEnabled(),
                c.payoutsEnabled(),
                c.connected(),
                c.connectedAt() == null ? null : day(c.connectedAt()),
                held,
                held.isEmpty());
    }

    private static String day(Instant i) {
        return i.toString().substring(0, 10);
    }
}
