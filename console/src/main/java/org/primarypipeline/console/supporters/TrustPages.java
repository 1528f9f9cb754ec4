package org.primarypipeline.console.supporters;

import java.util.List;
import java.util.Map;
import org.primarypipeline.console.supporters.TrustPageModels.Finding;
import org.primarypipeline.console.supporters.TrustPageModels.FoundRow;
import org.primarypipeline.console.supporters.TrustPageModels.Person;
import org.primarypipeline.console.supporters.TrustPageModels.Row;
import org.primarypipeline.console.supporters.TrustPageModels.Trust;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.springframework.stereotype.Component;

/** Builds the "People I trust" page model for its controllers, with refusals as sentences of the bundles. */
@Component
class TrustPages {

    /** The longest search kept; longer text is cut. */
    static final int MAX_QUERY = 100;

    private final TrustReadModel reads;
    private final AcquaintanceReadModel acquaintances;

    TrustPages(TrustReadModel reads, AcquaintanceReadModel acquaintances) {
        this.reads = reads;
        this.acquaintances = acquaintances;
    }

    /** {@code keys}: refused field to bundle key ({@code people}, {@code shares}, {@code search}, {@code asks}). */
    Trust page(
            SignedInMember me,
            Language language,
            String notice,
            List<Row> rows,
            Map<String, String> keys,
            String query) {
        long id = me.memberId();
        String q = query == null ? null : cut(query.strip());
        List<FoundRow> found = q == null || q.isBlank()
                ? List.of()
                : acquaintances.search(id, q).stream()
                        .map(f -> new FoundRow(f.memberId(), f.name(), f.connected(), f.askedByMe(), f.askedMe()))
                        .toList();
        return new Trust(
                PageTexts.text(language, "trust.title"),
                me.formKey(),
                notice,
                rows,
                sentence(language, keys, "people"),
                sentence(language, keys, "shares"),
                reads.namedMe(id),
                reads.flowedToMe(id).stream()
                        .map(f -> new TrustPageModels.FlowRow(f.cycleId(), f.units()))
                        .toList(),
                new Finding(q, found, sentence(language, keys, "search")),
                people(acquaintances.askedMe(id)),
                sentence(language, keys, "asks"),
                people(acquaintances.askedByMe(id)),
                acquaintances.namedMeShowingName(id));
    }

    /** One row per person I am connected to, with my standing share for them. */
    List<Row> rows(long memberId) {
        Map<Long, Integer> standing = reads.standing(memberId);
        List<Row> rows = new java.util.ArrayList<>();
        for (TrustReadModel.Person p : reads.connected(memberId)) {
            Integer units = standing.get(p.memberId());
            rows.add(new Row(rows.size() + 1, p.memberId(), p.name(), units == null ? "" : units.toString(), null));
        }
        return rows;
    }

    private static List<Person> people(List<AcquaintanceReadModel.Person> people) {
        return people.stream().map(p -> new Person(p.memberId(), p.name())).toList();
    }

    private static String sentence(Language language, Map<String, String> keys, String field) {
        return keys.containsKey(field) ? PageTexts.text(language, keys.get(field)) : null;
    }

    /** What was typed in the search, without control characters (PostgreSQL refuses NUL), at most 100 long. */
    static String cut(String typed) {
        String clean = typed.replaceAll("\\p{Cntrl}", "");
        return clean.length() > MAX_QUERY ? clean.substring(0, MAX_QUERY) : clean;
    }
}
