package org.primarypipeline.console.campaigns;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primarypipeline.campaigns.CampaignDashboardData;
import org.primarypipeline.console.campaigns.CampaignDashboardModels.Bar;
import org.primarypipeline.console.campaigns.CampaignDashboardModels.Chart;
import org.primarypipeline.console.campaigns.CampaignDashboardModels.ContactFigures;
import org.primarypipeline.console.campaigns.CampaignDashboardModels.Count;
import org.primarypipeline.console.campaigns.CampaignDashboardModels.EventRow;
import org.primarypipeline.console.campaigns.CampaignDashboardModels.GoalBar;
import org.primarypipeline.console.campaigns.CampaignDashboardModels.HostRow;
import org.primarypipeline.console.campaigns.CampaignDashboardModels.ListPage;
import org.primarypipeline.console.campaigns.CampaignDashboardModels.ListRow;
import org.primarypipeline.console.campaigns.CampaignDashboardModels.Option;
import org.primarypipeline.console.campaigns.CampaignDashboardModels.Page;
import org.primarypipeline.console.campaigns.CampaignDashboardModels.RefcodeRow;
import org.primarypipeline.console.campaigns.CampaignDashboardModels.ShiftFigures;
import org.primarypipeline.console.campaigns.CampaignDashboardModels.VolunteerDay;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.contacts.ContactAttempts;
import org.primarypipeline.core.money.Money;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Reads a campaign's figures ({@link CampaignDashboardData}) into the dashboard's page model. */
@Component
class CampaignDashboardPages {

    static final int WEEKS = 12;
    static final int ROWS = 50;

    private static final Map<String, String> METRICS = Map.of(
            "EVENTS", "Events held or published",
            "SHIFTS_FILLED", "Shift places filled",
            "ATTENDED", "People who attended",
            "HOSTS", "Hosts",
            "CONTACTS", "Contacts made (calls, doors, texts)",
            "DONATIONS_CENTS", "Donations");

    private final CampaignDashboardData data;
    private final ContactAttempts attempts;
    private final Format format;
    private final Clock clock;

    CampaignDashboardPages(
            CampaignDashboardData data, ContactAttempts attempts, Format format, ObjectProvider<Clock> clock) {
        this.data = data;
        this.attempts = attempts;
        this.format = format;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    ListPage list(List<String> districts) {
        List<ListRow> rows = data.list(districts).stream()
                .map(l -> new ListRow(
                        l.cycleId(), l.districtId(), l.candidate(), label(l.stage()), l.events(), l.rsvps()))
                .toList();
        return new ListPage(
                "Campaigns", rows, districts != null, districts == null ? null : String.join(", ", districts));
    }

    Page page(CampaignDashboardData.Campaign c, boolean canSetGoals, boolean canMessage) {
        String cycle = c.cycleId();
        CampaignDashboardData.Shifts s = data.shifts(cycle);
        CampaignDashboardData.Contacts k = data.contacts(cycle);
        List<HostRow> hosts = new ArrayList<>();
        for (CampaignDashboardData.Host h : data.hosts(cycle, 10)) {
            hosts.add(new HostRow(hosts.size() + 1, h.name(), h.events(), h.attended(), h.contacts()));
        }
        return new Page(
                "Campaign " + cycle,
                cycle,
                c.candidate(),
                c.districtId(),
                label(c.stage()),
                "/c/" + cycle,
                counts(data.eventsByStatus(cycle)),
                new ShiftFigures(s.shifts(), s.capacity(), s.filled(), s.attended(), percent(s.filled(), s.capacity())),
                counts(data.peopleByLevel(cycle, c.districtId())),
                new ContactFigures(
                        k.calls(),
                        k.doors(),
                        k.texts(),
                        k.total(),
                        attempts.byDayAndVolunteer(cycle, 14, ROWS).stream()
                                .map(d -> new VolunteerDay(
                                        d.day().toString(), d.volunteer(), d.calls(), d.texts(), d.doors(), d.talked()))
                                .toList()),
                data.events(cycle, ROWS).stream()
                        .map(e -> new EventRow(
                                e.id(),
                                e.title(),
                                label(e.kind()),
                                label(e.status()),
                                format.shortWhen(e.startsAt()),
                                e.host(),
                                e.rsvps(),
                                e.viaRefcode()))
                        .toList(),
                data.byRefcode(cycle, ROWS).stream()
                        .map(r -> new RefcodeRow(
                                r.code(),
                                r.member(),
                                r.joins(),
                                r.rsvps(),
                                r.donations(),
                                Money.dollars(r.donatedCents())))
                        .toList(),
                chart(data.weekly(cycle, clock.instant(), WEEKS)),
                hosts,
                data.goals(cycle).stream().map(CampaignDashboardPages::goal).toList(),
                canSetGoals,
                CampaignDashboardData.METRICS.stream()
                        .map(m -> new Option(m, METRICS.get(m)))
                        .toList(),
                canMessage);
    }

    /** Bars of each week's activity (RSVPs + events + contacts), scaled to the busiest week. */
    static Chart chart(List<CampaignDashboardData.Week> weeks) {
        int width = 600;
        int height = 180;
        int baseline = 150;
        int slot = width / Math.max(1, weeks.size());
        long max = 1;
        for (CampaignDashboardData.Week w : weeks) {
            max = Math.max(max, w.rsvps() + w.events() + w.contacts());
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("MMM d", Locale.US);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            CampaignDashboardData.Week w = weeks.get(i);
            long value = w.rsvps() + w.events() + w.contacts();
            int h = (int) Math.round(130.0 * value / max);
            String label = day.format(w.starts());
            bars.add(new Bar(
                    i * slot + 6,
                    baseline - h,
                    h,
                    i * slot + slot / 2,
                    label,
                    value,
                    "Week of " + label + ": " + w.rsvps() + " RSVPs, " + w.events() + " events, " + w.contacts()
                            + " contacts"));
        }
        return new Chart(width, height, baseline, bars, max);
    }

    private static GoalBar goal(CampaignDashboardData.Goal g) {
        boolean money = "DONATIONS_CENTS".equals(g.metric());
        return new GoalBar(
                g.metric(),
                METRICS.get(g.metric()),
                money ? Money.dollars(g.reached()) : Long.toString(g.reached()),
                money ? Money.dollars(g.target()) : Long.toString(g.target()),
                percent(g.reached(), g.target()));
    }

    private static List<Count> counts(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> new Count(label(e.getKey()), e.getValue()))
                .toList();
    }

    static long percent(long part, long whole) {
        return whole <= 0 ? 0 : Math.min(100, Math.max(0, part * 100 / whole));
    }

    /** "IN_REVIEW" → "In review"; null → "not started". */
    static String label(String constant) {
        if (constant == null) {
            return "not started";
        }
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
