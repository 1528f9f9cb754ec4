package org.primarypipeline.console.districts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import org.primarypipeline.console.web.Paging;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The orders the districts table can be sorted in; each column header links to its own, and a
 * second click on the current column turns the order round ({@code dir=asc} or {@code dir=desc}).
 */
enum DistrictSort {
    RANK(
            "rank",
            "best score first",
            "worst score first",
            false,
            Comparator.comparingInt((DistrictDirectory.Row r) -> r.rank() == 0 ? Integer.MAX_VALUE : r.rank())),
    DISTRICT("district", "district A-Z", "district Z-A", false, Comparator.comparing(DistrictDirectory.Row::district)),
    WIN(
            "win",
            "highest win chance first",
            "lowest win chance first",
            true,
            Comparator.comparingDouble(DistrictDirectory.Row::winChance)),
    SUPPORTERS(
            "supporters",
            "most supporters first",
            "fewest supporters first",
            true,
            Comparator.comparingLong(DistrictDirectory.Row::supporters)),
    GROUP(
            "group",
            "largest group first",
            "smallest group first",
            true,
            Comparator.comparingLong(DistrictDirectory.Row::groupMembers));

    private final String key;
    private final String label;
    private final String reversedLabel;
    private final boolean descendingFirst;
    private final Comparator<DistrictDirectory.Row> ascending;

    DistrictSort(
            String key,
            String label,
            String reversedLabel,
            boolean descendingFirst,
            Comparator<DistrictDirectory.Row> ascending) {
        this.key = key;
        this.label = label;
        this.reversedLabel = reversedLabel;
        this.descendingFirst = descendingFirst;
        this.ascending = ascending;
    }

    static DistrictSort parse(String key) {
        for (DistrictSort s : values()) {
            if (s.key.equalsIgnoreCase(key == null ? "" : key.trim())) {
                return s;
            }
        }
        return RANK;
    }

    /** The direction asked for, or the column's natural one (best rank, highest figures first). */
    boolean descending(String dir) {
        if ("desc".equalsIgnoreCase(dir)) {
            return true;
        }
        return !"asc".equalsIgnoreCase(dir) && descendingFirst;
    }

    /** Ties always fall back to rank, then district, so a page never reshuffles between requests. */
    Comparator<DistrictDirectory.Row> comparator(boolean descending) {
        return (descending ? ascending.reversed() : ascending)
                .thenComparing(RANK.ascending)
                .thenComparing(DISTRICT.ascending);
    }

    String label(boolean descending) {
        return descending == descendingFirst ? label : reversedLabel;
    }

    /** A column header's link: where it sorts to, whether it is the current order, and aria-sort's value. */
    public record SortLink(String href, boolean current, String ariaSort) {}

    /** One link per sortable column, for {{sort.rank.href}} and the like. */
    public record Headers(SortLink rank, SortLink district, SortLink win, SortLink supporters, SortLink group) {}

    /** One link per sortable column, keeping the filters and going back to the first page. */
    Headers headers(HttpServletRequest request, boolean descending) {
        return new Headers(
                link(RANK, request, descending),
                link(DISTRICT, request, descending),
                link(WIN, request, descending),
                link(SUPPORTERS, request, descending),
                link(GROUP, request, descending));
    }

    private SortLink link(DistrictSort s, HttpServletRequest request, boolean descending) {
        UriComponentsBuilder uri = Paging.keepingFilters(request, "sort", "page", "dir");
        if (s != RANK) {
            uri.queryParam("sort", s.key);
        }
        boolean current = s == this;
        if (current) {
            // The current column's header turns its order round.
            uri.queryParam("dir", descending ? "asc" : "desc");
        }
        // Rank 1 is the best: "best first" reads as ascending ranks.
        String aria = !current ? "none" : descending ? "descending" : "ascending";
        return new SortLink(uri.encode().build().toUriString(), current, aria);
    }
}
