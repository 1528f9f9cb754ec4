package org.primarypipeline.console.districts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.primarypipeline.console.web.DataBlock;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.console.web.Paging;
import org.primarypipeline.core.district.UsStates;
import org.primarypipeline.core.priority.Path;
import org.springframework.stereotype.Component;

/** The districts list and one district's page, as typed models built from the {@link DistrictDirectory}. */
@Component
public class DistrictPages {

    /** A filter's choice (a state or a path) in its drop-down. */
    public record Choice(String key, String name, String label, boolean selected) {
        public String code() {
            return key;
        }
    }

    /** A point of the list page's chart: score against rank. */
    public record Point(int x, double y, String district) {}

    public record Series(String label, List<Point> data) {}

    public record ScoreChart(List<Series> series) {}

    public record ListRow(
            String rank,
            String district,
            String member,
            String path,
            String score,
            String winChance,
            String lean,
            String reason,
            long supporters,
            long groupMembers,
            String runningCycle,
            String launchHref,
            String href) {}

    public record ListPage(
            String title,
            DistrictDirectory.Source source,
            List<ListRow> rows,
            Paging paging,
            List<Choice> states,
            List<Choice> paths,
            String minScore,
            String q,
            DistrictSort.Headers sort,
            String sortLabel,
            boolean hasChart,
            String chartJson,
            String filterError) {}

    public record FactorSection(
            String id, String title, String unit, String hint, List<FactorGroup.Term> terms, String chartJson) {}

    public record DetailPage(
            String title,
            DistrictDirectory.Source source,
            String district,
            String stateName,
            String member,
            String rank,
            String score,
            String path,
            String reason,
            String primaryWin,
            String generalWin,
            String winChance,
            String cost,
            String lean,
            long supporters,
            long groupMembers,
            String runningCycle,
            String launchHref,
            String explanation,
            List<String> gaps,
            boolean hasGaps,
            List<FactorSection> factorGroups,
            String incumbentRecord) {}

    private final DistrictDirectory directory;

    public DistrictPages(DistrictDirectory directory) {
        this.directory = directory;
    }

    /** The list as filtered and sorted; a minimum score that is not a number is ignored and said so. */
    public ListPage list(
            String state,
            String path,
            String minScore,
            String q,
            String sort,
            int page,
            int pageSize,
            HttpServletRequest request) {
        Double min = null;
        String filterError = null;
        if (minScore != null && !minScore.isBlank()) {
            try {
                min = Double.valueOf(minScore.trim());
            } catch (NumberFormatException e) {
                filterError = "minimum score must be a number, e.g. 0.05";
            }
        }
        DistrictSort order = DistrictSort.parse(sort);
        boolean descending = order.descending(request.getParameter("dir"));
        // Old links used the enum's name (PRIMARY_CHALLENGE); the filter speaks the short names.
        Path wanted = Path.parse(path);
        String pathKey = wanted == null ? path : wanted.key();
        List<DistrictDirectory.Row> rows = directory.rows(new DistrictDirectory.Filter(state, pathKey, min, q)).stream()
                .sorted(order.comparator(descending))
                .toList();
        Paging paging = Paging.of(request, "page", page, pageSize, rows.size());
        List<ListRow> shown = rows.subList(paging.offset(), Math.min(rows.size(), paging.offset() + pageSize)).stream()
                .map(r -> new ListRow(
                        r.rank() == 0 ? "" : Integer.toString(r.rank()),
                        r.district(),
                        member(r),
                        r.path(),
                        score(r),
                        Format.percent(r.winChance()),
                        r.lean(),
                        r.reason(),
                        r.supporters(),
                        r.groupMembers(),
                        r.runningCycle(),
                        "/districts/" + r.district() + "/launch",
                        "/districts/" + r.district()))
                .toList();
        List<Choice> states = new ArrayList<>();
        for (String s : new TreeSet<>(allStates())) {
            states.add(new Choice(s, UsStates.name(s), null, s.equalsIgnoreCase(state == null ? "" : state)));
        }
        List<Choice> paths = new ArrayList<>();
        for (Path p : Path.values()) {
            paths.add(new Choice(
                    p.key(), null, p.key() + ": " + p.label(), p.key().equals(pathKey)));
        }
        return new ListPage(
                "Districts",
                directory.source(),
                shown,
                paging,
                states,
                paths,
                minScore == null ? "" : minScore,
                q == null ? "" : q,
                order.headers(request, descending),
                order.label(descending),
                !rows.isEmpty(),
                DataBlock.json(scoreChart(rows)),
                filterError);
    }

    public Optional<DetailPage> detail(String district) {
        return directory.detail(district.toUpperCase(Locale.ROOT)).map(d -> {
            DistrictDirectory.Row r = d.row();
            List<FactorSection> groups = new ArrayList<>();
            for (FactorGroup g : FactorGroup.values()) {
                List<FactorGroup.Term> terms = g.terms(d.contributions());
                if (!terms.isEmpty()) {
                    groups.add(new FactorSection(
                            g.id(), g.title(), g.unit(), g.hint(), terms, DataBlock.json(g.chart(d.contributions()))));
                }
            }
            return new DetailPage(
                    r.district(),
                    directory.source(),
                    r.district(),
                    UsStates.name(r.state()),
                    member(r),
                    r.rank() == 0 ? "unranked" : "#" + r.rank(),
                    score(r),
                    d.pathLabel(),
                    r.reason(),
                    Format.percent(d.primaryWin()),
                    Format.percent(d.generalWin()),
                    Format.percent(d.primaryWin() * d.generalWin()),
                    String.format(Locale.US, "$%,d", d.expectedCostDollars()),
                    r.lean(),
                    r.supporters(),
                    r.groupMembers(),
                    r.runningCycle(),
                    "/districts/" + r.district() + "/launch",
                    d.explanation(),
                    d.gaps(),
                    !d.gaps().isEmpty(),
                    groups,
                    d.incumbent() == null ? null : d.incumbent().sentence());
        });
    }

    /** Score against rank for the listed districts, one series per path, for the list page's chart. */
    private static ScoreChart scoreChart(List<DistrictDirectory.Row> rows) {
        List<Series> series = new ArrayList<>();
        for (Path p : Path.values()) {
            List<Point> points = new ArrayList<>();
            for (DistrictDirectory.Row r : rows) {
                if (r.rank() > 0 && r.pathKey().equals(p.key())) {
                    points.add(new Point(r.rank(), Math.round(r.score() * 1000) / 1000.0, r.district()));
                }
            }
            if (!points.isEmpty()) {
                series.add(new Series(p.label(), points));
            }
        }
        return new ScoreChart(series);
    }

    private List<String> allStates() {
        return directory.rows(new DistrictDirectory.Filter(null, null, null, null)).stream()
                .map(DistrictDirectory.Row::state)
                .distinct()
                .toList();
    }

    static String score(DistrictDirectory.Row r) {
        return String.format(Locale.US, "%.3f", r.score());
    }

    static String member(DistrictDirectory.Row r) {
        return r.member() == null ? "vacant" : r.member() + " (" + party(r.party()) + ")";
    }

    static String party(String party) {
        if (party == null) {
            return "?";
        }
        return switch (party) {
            case "Democrat" -> "D";
            case "Republican" -> "R";
            case "Independent" -> "I";
            default -> party;
        };
    }
}
