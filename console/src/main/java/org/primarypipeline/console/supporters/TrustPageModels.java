package org.primarypipeline.console.supporters;

import java.util.List;
import org.primarypipeline.console.web.PublicPage;

/** "People I trust" ({@code public/members/proxies}): who I may name, my shares, knowing each other, who named me. */
final class TrustPageModels {

    private TrustPageModels() {}

    /**
     * The page. {@code peopleError} and {@code sharesError} are sentences said beside the list and the
     * shares' total, {@code searchError} beside the search, {@code asksError} beside the asks waiting for
     * me; {@code namedMe} is how many members have me on their standing list, {@code namedMeNames} the
     * names of those of them who let me see it.
     */
    record Trust(
            String title,
            String formKey,
            String notice,
            List<Row> rows,
            String peopleError,
            String sharesError,
            int namedMe,
            List<FlowRow> flows,
            Finding finding,
            List<Person> asks,
            String asksError,
            List<Person> askedByMe,
            List<String> namedMeNames)
            implements PublicPage {
        public boolean hasFlows() {
            return !flows.isEmpty();
        }

        public boolean hasPeople() {
            return !rows.isEmpty();
        }

        public boolean namedByNobody() {
            return namedMe == 0;
        }

        public boolean hasAsks() {
            return !asks.isEmpty();
        }

        public boolean hasAskedByMe() {
            return !askedByMe.isEmpty();
        }

        public String namesNamedMe() {
            return namedMeNames.isEmpty() ? null : String.join(", ", namedMeNames);
        }

        public boolean someNamesHidden() {
            return namedMe > namedMeNames.size();
        }
    }

    /** A past round and the units members' lists gave me in it. */
    record FlowRow(String cycleId, int units) {}

    /** One person I am connected to: {@code slot} numbers the form's fields, never shown as text. */
    record Row(int slot, long personId, String name, String share, String error) {}

    /** A person by name; the id goes back only in a hidden field and the server checks it again. */
    record Person(long personId, String name) {}

    /** The search of my group by name: what was typed, and who was found (null when nothing was asked). */
    record Finding(String query, List<FoundRow> found, String searchError) {
        public boolean searched() {
            return query != null && !query.isBlank();
        }

        public boolean noneFound() {
            return searched() && found.isEmpty();
        }
    }

    /** Someone found: already connected, asked by me (waiting), or someone I may ask (or confirm). */
    record FoundRow(long personId, String name, boolean connected, boolean askedByMe, boolean askedMe) {
        public boolean canAsk() {
            return !connected && !askedByMe;
        }
    }
}
