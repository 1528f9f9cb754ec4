package org.primarypipeline.console.campaigns;

import java.util.List;

/** The console's campaign pages: the list ({@code /campaigns}) and one campaign's dashboard. */
final class CampaignDashboardModels {

    private CampaignDashboardModels() {}

    record ListRow(String cycleId, String districtId, String candidate, String stage, long events, long rsvps) {}

    record ListPage(String title, List<ListRow> rows, boolean organizer, String districts) {
        public boolean empty() {
            return rows.isEmpty();
        }
    }

    /** A labelled figure, e.g. "Published: 4". */
    record Count(String label, long count) {}

    record ShiftFigures(long shifts, long capacity, long filled, long attended, long percentFilled) {}

    /**
     * The hosts' reported figures, and the attempts recorded one by one (phone bank, texting, canvassing) by
     * day and volunteer over the last two weeks.
     */
    record ContactFigures(long calls, long doors, long texts, long total, List<VolunteerDay> byVolunteer) {
        public boolean noAttempts() {
            return byVolunteer.isEmpty();
        }
    }

    record VolunteerDay(String day, String volunteer, long calls, long texts, long doors, long talked) {}

    record EventRow(
            long id, String title, String kind, String status, String when, String host, long rsvps, long viaRefcode) {}

    record RefcodeRow(String code, String member, long joins, long rsvps, long donations, String donated) {}

    /** One week's bar in the SVG chart: coordinates computed here, so the page needs no script. */
    record Bar(int x, int y, int height, int labelX, String label, long value, String title) {}

    record Chart(int width, int height, int baseline, List<Bar> bars, long max) {}

    record HostRow(int rank, String name, long events, long attended, long contacts) {}

    record GoalBar(String metric, String label, String reached, String target, long percent) {}

    record Option(String value, String label) {}

    record Page(
            String title,
            String cycleId,
            String candidate,
            String districtId,
            String stage,
            String candidatePage,
            List<Count> eventsByStatus,
            ShiftFigures shifts,
            List<Count> levels,
            ContactFigures contacts,
            List<EventRow> events,
            List<RefcodeRow> refcodes,
            Chart chart,
            List<HostRow> hosts,
            List<GoalBar> goals,
            boolean canSetGoals,
            List<Option> metrics,
            boolean canMessage) {

        public boolean noEvents() {
            return events.isEmpty();
        }

        public boolean noRefcodes() {
            return refcodes.isEmpty();
        }

        public boolean noHosts() {
            return hosts.isEmpty();
        }

        public boolean noGoals() {
            return goals.isEmpty();
        }
    }
}
