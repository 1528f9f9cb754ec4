package org.primarypipeline.console.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a list: which rows, and links to the neighbouring pages that keep the current filters.
 * Every list in the console goes through this, so none can grow without bound.
 */
public record Paging(
        int page, int size, int total, int from, int to, String previous, String next, List<PageLink> pages) {

    /** One numbered link of the pager. */
    public record PageLink(int number, String href, boolean current) {}

    public static Paging of(HttpServletRequest request, String parameter, int requestedPage, int size, int total) {
        int last = Math.max(1, (total + size - 1) / size);
        int page = Math.min(Math.max(requestedPage, 1), last);
        int from = total == 0 ? 0 : (page - 1) * size + 1;
        int to = Math.min(total, page * size);
        List<PageLink> numbers = new ArrayList<>();
        for (int p = Math.max(1, page - 3); p <= Math.min(last, page + 3); p++) {
            numbers.add(new PageLink(p, link(request, parameter, p), p == page));
        }
        return new Paging(
                page,
                size,
                total,
                from,
                to,
                page > 1 ? link(request, parameter, page - 1) : null,
                page < last ? link(request, parameter, page + 1) : null,
                numbers);
    }

    public int offset() {
        return (page - 1) * size;
    }

    public boolean any() {
        return total > 0;
    }

    public boolean several() {
        return total > size;
    }

    private static String link(HttpServletRequest request, String parameter, int page) {
        return keepingFilters(request, parameter)
                .queryParam(parameter, page)
                .encode()
                .build()
                .toUriString();
    }

    /** This page's address with the filters it was asked with, less the named parameters (to set anew). */
    public static UriComponentsBuilder keepingFilters(HttpServletRequest request, String... except) {
        java.util.Set<String> dropped = java.util.Set.of(except);
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(request.getRequestURI());
        request.getParameterMap().forEach((name, values) -> {
            if (!dropped.contains(name) && !name.startsWith("_")) {
                for (String v : values) {
                    if (v != null && !v.isBlank()) {
                        uri.queryParam(name, v);
                    }
                }
            }
        });
        return uri;
    }
}
