package org.primarypipeline.console.campaigns;

import java.util.List;
import org.primarypipeline.console.web.PublicPage;

/** The records the public candidate pages render: the page, its toolkit, the printable flyer. */
final class CandidatePageModels {

    private CandidatePageModels() {}

    /** Open Graph tags for the page's link preview when it is shared. */
    record Og(String title, String description, String url, String image) {}

    record Fund(
            String raised,
            String goal,
            String donors,
            long percent,
            String until,
            String donateUrl,
            boolean closed,
            boolean paymentsSoon) {}

    record EventItem(String title, String kind, String when, String place, long placesLeft, String url) {}

    record Share(String label, String url) {}

    record Page(
            String title,
            Og og,
            String candidate,
            String districtId,
            String statement,
            String photo,
            String pledgeTitle,
            List<String> principles,
            Fund fund,
            List<EventItem> events,
            String hostUrl,
            String inviteUrl,
            String toolkitUrl,
            String pageUrl,
            List<Share> shares)
            implements PublicPage {

        public boolean noEvents() {
            return events.isEmpty();
        }
    }

    record Item(String label, String markdownUrl, String fileName) {}

    record Toolkit(String title, String candidate, String pageUrl, String flyerUrl, List<Item> items)
            implements PublicPage {}

    record Flyer(
            String title,
            String candidate,
            String districtId,
            String statement,
            String pledgeTitle,
            List<String> principles,
            String pageUrl,
            List<EventItem> events)
            implements PublicPage {

        public boolean hasEvents() {
            return !events.isEmpty();
        }
    }

    record Note(String title, String message) implements PublicPage {}

    /** A member's own share links for one campaign ({@code /me/share}). */
    record MyShare(
            String title,
            String candidate,
            String code,
            String pageUrl,
            List<Share> shares,
            long joins,
            long rsvps,
            long donations,
            String donated)
            implements PublicPage {}
}
