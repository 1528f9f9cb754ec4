package org.primarypipeline.console.districts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import org.primarypipeline.console.web.Paging;
import org.springframework.web.util.UriComponentsBuilder;

/** The orders the districts table can be sorted in; each column header links to its own. */
enum DistrictSort {
    RANK(
            "rank",
            "best score first",
            Comparator.comparingInt((DistrictDirectory.Row r) -> r.rank() == 0 ? Integer.MAX_VALUE : r.rank())),
    DISTRICT("district", "district", Comparator.comparing(DistrictDirectory.Row::district)),
    WIN(
            "win",
            "highest win chance first",
            Comparator.comparingDouble(DistrictDirectory.Row::winChance).reversed()),
    SUPPORTERS(
            "supporters",
            "most supporters first",
            Comparator.comparingLong(DistrictDirectory.Row::supporters).reversed()),
    GROUP(
            "group",
            "largest group first",
            Comparator.comparingLong(DistrictDirectory.Row::groupMembers).reversed());

    private final String key;
    private final String label;
    private final Comparator<DistrictDirectory.Row> comparator;

    DistrictSort(String key, String label, Comparator<DistrictDirectory.Row> comparator) {
        this.key = key;
        this.label = label;
        this.comparator = comparator;
    }

    static DistrictSort parse(String key) {
        for (DistrictSort s : values()) {
            if (s.key.equalsIgnoreCase(key == null ? "" : key.trim())) {
                return s;
            }
        }
        return RANK;
    }

    /** Ties always fall back to rank, then district, so a page never reshuffles between requests. */
    Comparator<DistrictDirectory.Row> comparator() {
        return comparator.thenComparing(RANK.comparator).thenComparing(DISTRICT.comparator);
    }

    String label() {
        return label;
    }

    /** A column header's link: where it sorts to, whether it is the current order, and aria-sort's value. */
    public record SortLink(String href, boolean current, String ariaSort) {}

    /** One link per sortable column, for {{sort.rank.href}} and the like. */
    public record Headers(SortLink rank, SortLink district, SortLink win, SortLink supporters, SortLink group) {}

    /** One link per sortable column, keeping the filters and going back to the first page. */
    Headers headers(HttpServletRequest request) {
        return new Headers(
                link(RANK, request),
                link(DISTRICT, request),
                link(WIN, request),
                link(SUPPORTERS, request),
                link(GROUP, request));
    }

    private SortLink link(DistrictSort s, HttpServletRequest request) {
        UriComponentsBuilder uri = Paging.keepingFilters(request, "sort", "page");
        if (s != RANK) {
            uri.queryParam("sort", s.key);
        }
        return new SortLink(
                uri.encode().build().toUriString(),
                s == this,
                s == this ? (s == DISTRICT ? "ascending" : "descending") : "none");
    }
}
