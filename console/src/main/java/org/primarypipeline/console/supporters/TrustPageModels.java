package org.primarypipeline.console.supporters;

import java.util.List;
import org.primarypipeline.console.web.PublicPage;

/** "People I trust" ({@code public/members/proxies}): who I may name, my shares, and who named me. */
final class TrustPageModels {

    private TrustPageModels() {}

    /**
     * The page. {@code peopleError} and {@code sharesError} are sentences said beside the list and the
     * shares' total; {@code namedMe} is how many members have me on their standing list.
     */
    record Trust(
            String title,
            String formKey,
            String notice,
            List<Row> rows,
            String peopleError,
            String sharesError,
            int namedMe,
            List<FlowRow> flows)
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
    }

    /** One person I am connected to: {@code slot} numbers the form's fields, never shown as text. */
    /** A past round and the units members' lists gave me in it. */
    record FlowRow(String cycleId, int units) {}

    record Row(int slot, long personId, String name, String share, String error) {}
}
