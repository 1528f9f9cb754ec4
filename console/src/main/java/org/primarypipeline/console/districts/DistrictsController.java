package org.primarypipeline.console.districts;

import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.DataBlock;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.Paging;
import org.primarypipeline.console.web.Format;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.primarypipeline.activities.cycle.CycleRecord;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.staff.CycleActions;
import org.primarypipeline.console.staff.LaunchOrder;
import org.primarypipeline.console.staff.Permissions;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.district.UsStates;
import org.primarypipeline.core.priority.Path;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The prioritized districts, and the form that launches a cycle in one of them. */
@Controller
public class DistrictsController implements ConsolePage {

    public static final int PAGE_SIZE = 25;

    private final DistrictDirectory directory;
    private final CycleActions actions;
    private final Permissions permissions;
    private final Format format;
    private final Clock clock;

    public DistrictsController(DistrictDirectory directory, CycleActions actions, Permissions permissions, Format format,
                               Clock clock) {
        this.directory = directory;
        this.actions = actions;
        this.permissions = permissions;
        this.format = format;
        this.clock = clock;
    }

    @GetMapping("/districts")
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String path,
                @RequestParam(required = false) String minScore, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, @RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal StaffUser user,
                HttpServletRequest request, Model model) {
        permissions.require(user, Right.VIEW, "page.districts", "");
        Double min = null;
        if (minScore != null && !minScore.isBlank()) {
            try {
                min = Double.valueOf(minScore.trim());
            } catch (NumberFormatException e) {
                model.addAttribute("filterError", "minimum score must be a number, e.g. 0.05");
            }
        }
        DistrictSort order = DistrictSort.parse(sort);
        List<DistrictDirectory.Row> rows = directory.rows(new DistrictDirectory.Filter(state, path, min, q)).stream()
                .sorted(order.comparator()).toList();
        Paging paging = Paging.of(request, "page", page, PAGE_SIZE, rows.size());
        List<Map<String, Object>> shown = new ArrayList<>();
        for (DistrictDirectory.Row r : rows.subList(paging.offset(), Math.min(rows.size(), paging.offset() + PAGE_SIZE))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", r.rank() == 0 ? "" : r.rank());
            row.put("district", r.district());
            row.put("member", r.member() == null ? "vacant" : r.member() + " (" + party(r.party()) + ")");
            row.put("path", r.path());
            row.put("score", String.format(Locale.US, "%.3f", r.score()));
            row.put("winChance", Format.percent(r.winChance()));
            row.put("lean", r.lean());
            row.put("reason", r.reason());
            row.put("supporters", r.supporters());
            row.put("groupMembers", r.groupMembers());
            row.put("runningCycle", r.runningCycle());
            row.put("launchHref", "/districts/" + r.district() + "/launch");
            row.put("href", "/districts/" + r.district());
            shown.add(row);
        }
        List<Map<String, Object>> states = new ArrayList<>();
        for (String s : new TreeSet<>(allStates())) {
            states.add(Map.of("code", s, "name", UsStates.name(s), "selected", s.equalsIgnoreCase(state == null ? "" : state)));
        }
        List<Map<String, Object>> paths = new ArrayList<>();
        for (Path p : Path.values()) {
            paths.add(Map.of("key", p.name(), "label", p.label(), "selected", p.name().equals(path)));
        }
        model.addAttribute("title", "Districts");
        model.addAttribute("source", directory.source());
        model.addAttribute("rows", shown);
        model.addAttribute("paging", paging);
        model.addAttribute("states", states);
        model.addAttribute("paths", paths);
        model.addAttribute("minScore", minScore == null ? "" : minScore);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("sort", order.headers(request));
        model.addAttribute("sortLabel", order.label());
        model.addAttribute("hasChart", !rows.isEmpty());
        model.addAttribute("chartJson", DataBlock.json(scoreChart(rows)));
        return "districts";
    }

    @GetMapping("/districts/{district}")
    String district(@PathVariable String district, @AuthenticationPrincipal StaffUser user, Model model,
                    HttpServletResponse response) {
        permissions.require(user, Right.VIEW, "page.district", district);
        DistrictDirectory.Detail d = directory.detail(district.toUpperCase(Locale.ROOT)).orElse(null);
        if (d == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("title", "No such district");
            model.addAttribute("status", 404);
            model.addAttribute("error", "Not found");
            model.addAttribute("message", "There is no district " + district + " in the current plan.");
            return "error";
        }
        DistrictDirectory.Row r = d.row();
        model.addAttribute("title", r.district());
        model.addAttribute("source", directory.source());
        model.addAttribute("district", r.district());
        model.addAttribute("stateName", UsStates.name(r.state()));
        model.addAttribute("member", r.member() == null ? "vacant" : r.member() + " (" + party(r.party()) + ")");
        model.addAttribute("rank", r.rank() == 0 ? "unranked" : "#" + r.rank());
        model.addAttribute("score", String.format(Locale.US, "%.3f", r.score()));
        model.addAttribute("path", d.pathLabel());
        model.addAttribute("reason", r.reason());
        model.addAttribute("primaryWin", Format.percent(d.primaryWin()));
        model.addAttribute("generalWin", Format.percent(d.generalWin()));
        model.addAttribute("winChance", Format.percent(d.primaryWin() * d.generalWin()));
        model.addAttribute("cost", String.format(Locale.US, "$%,d", d.expectedCostDollars()));
        model.addAttribute("lean", r.lean());
        model.addAttribute("supporters", r.supporters());
        model.addAttribute("groupMembers", r.groupMembers());
        model.addAttribute("runningCycle", r.runningCycle());
        model.addAttribute("launchHref", "/districts/" + r.district() + "/launch");
        model.addAttribute("explanation", d.explanation());
        model.addAttribute("gaps", d.gaps());
        model.addAttribute("hasGaps", !d.gaps().isEmpty());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (FactorGroup g : FactorGroup.values()) {
            List<Map<String, Object>> terms = g.terms(d.contributions());
            if (!terms.isEmpty()) {
                groups.add(Map.of("id", g.id(), "title", g.title(), "unit", g.unit(), "hint", g.hint(), "terms", terms,
                        "chartJson", DataBlock.json(g.chart(d.contributions()))));
            }
        }
        model.addAttribute("factorGroups", groups);
        return "district";
    }

    /** Score against rank for the listed districts, one series per path, for the list page's chart. */
    private static Map<String, Object> scoreChart(List<DistrictDirectory.Row> rows) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (Path p : Path.values()) {
            List<Map<String, Object>> points = new ArrayList<>();
            for (DistrictDirectory.Row r : rows) {
                if (r.rank() > 0 && r.pathKey().equals(p.name())) {
                    points.add(Map.of("x", r.rank(), "y", Math.round(r.score() * 1000) / 1000.0, "district", r.district()));
                }
            }
            if (!points.isEmpty()) {
                series.add(Map.of("label", p.label(), "data", points));
            }
        }
        return Map.of("series", series);
    }

    /** The launch form's fields as typed, so a refused form comes back filled in. */
    public record LaunchForm(String vettingPeriod, String nominationPeriod, String votingPeriod, String policy,
                             String method, String quorumPercent, String recountMarginPercent, String goalDollars) {

        static LaunchForm defaults() {
            return new LaunchForm("14d", "14d", "14d", "smartocracy", "irv", "20", "5", "50000");
        }

        LaunchOrder order(String district) {
            return new LaunchOrder(district, vettingPeriod, nominationPeriod, votingPeriod, policy, method,
                    share("quorum", quorumPercent), share("recount margin", recountMarginPercent), cents(goalDollars));
        }

        private static BigDecimal share(String name, String percent) {
            if (percent == null || percent.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(percent.trim()).movePointLeft(2);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a percentage, e.g. 20");
            }
        }

        private static Long cents(String dollars) {
            if (dollars == null || dollars.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(dollars.trim().replace(",", "").replace("$", "")).movePointRight(2).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("fundraiser goal must be an amount in dollars, e.g. 50000");
            }
        }
    }

    @GetMapping("/districts/{district}/launch")
    String launchForm(@PathVariable String district, @AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.STEER_CYCLES, "page.launch", district);
        return form(district, LaunchForm.defaults(), null, model);
    }

    /** The dates the windows would close on if each ran its full length: htmx refreshes it while typing. */
    @GetMapping("/districts/{district}/launch/schedule")
    String schedule(@PathVariable String district, @ModelAttribute LaunchForm form, @AuthenticationPrincipal StaffUser user,
                    Model model) {
        permissions.require(user, Right.STEER_CYCLES, "page.launch", district);
        model.addAttribute("schedule", schedule(form));
        return "fragments/launch-schedule";
    }

    @PostMapping("/districts/{district}/launch")
    String launch(@PathVariable String district, @ModelAttribute LaunchForm form, @AuthenticationPrincipal StaffUser user,
                  Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            CycleRecord cycle = actions.launch(user, form.order(district));
            flash.addFlashAttribute("flash", Flash.done("Launched " + cycle.id() + ": pledge vetting until "
                    + format.when(cycle.stageDeadline())));
            return "redirect:/cycles/" + cycle.id();
        } catch (IllegalArgumentException | IllegalStateException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(district, form, refused.getMessage(), model);
        }
    }

    private String form(String district, LaunchForm form, String error, Model model) {
        DistrictDirectory.Row row = directory.find(district.toUpperCase()).orElse(null);
        model.addAttribute("title", "Launch a cycle in " + district.toUpperCase());
        model.addAttribute("district", district.toUpperCase());
        model.addAttribute("known", row != null);
        if (row != null) {
            model.addAttribute("member", row.member() == null ? "vacant seat" : row.member() + " (" + party(row.party()) + ")");
            model.addAttribute("path", row.path());
            model.addAttribute("score", String.format(Locale.US, "%.3f", row.score()));
            model.addAttribute("rank", row.rank());
            model.addAttribute("hasRank", row.rank() > 0);
            model.addAttribute("reason", row.reason());
            model.addAttribute("runningCycle", row.runningCycle());
            model.addAttribute("groupMembers", row.groupMembers());
        }
        model.addAttribute("form", form);
        model.addAttribute("policies", options(form.policy(), "smartocracy", "Smartocracy (units flow to proxies, split by shares)",
                "liquid", "Liquid democracy (all units to the first proxy who can take them)"));
        model.addAttribute("methods", options(form.method(), "irv", "Instant runoff (IRV)", "plurality", "Plurality",
                "schulze", "Schulze (pairwise)"));
        if (error != null) {
            model.addAttribute("error", error);
            String field = fieldOf(error);
            model.addAttribute("invalid", field.isEmpty() ? Map.of() : Map.of(field, true));
        }
        model.addAttribute("schedule", schedule(form));
        return "launch";
    }

    private List<Map<String, Object>> schedule(LaunchForm form) {
        List<Map<String, Object>> steps = new ArrayList<>();
        try {
            CycleSettings settings = form.order("XX-01").settings();
            Instant at = clock.instant();
            String[] names = {"Pledge vetting", "Nomination window", "Voting round"};
            Duration[] periods = {settings.vettingPeriod(), settings.nominationPeriod(), settings.votingPeriod()};
            for (int i = 0; i < 3; i++) {
                at = at.plus(periods[i]);
                steps.add(Map.of("name", names[i], "length", Format.span(periods[i]), "closes", format.when(at)));
            }
        } catch (IllegalArgumentException | IllegalStateException notYetValid) {
            steps.add(Map.of("problem", "Fix the form to see the dates: " + notYetValid.getMessage()));
        }
        return steps;
    }

    /** Which input the message is about, so the form can mark it (the messages name their field first). */
    static String fieldOf(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.startsWith("vetting")) {
            return "vettingPeriod";
        } else if (m.startsWith("nomination")) {
            return "nominationPeriod";
        } else if (m.startsWith("voting")) {
            return "votingPeriod";
        } else if (m.startsWith("flow policy")) {
            return "policy";
        } else if (m.startsWith("tally method")) {
            return "method";
        } else if (m.startsWith("quorum")) {
            return "quorumPercent";
        } else if (m.startsWith("recount")) {
            return "recountMarginPercent";
        } else if (m.startsWith("fundraiser")) {
            return "goalDollars";
        }
        return "";
    }

    private static List<Map<String, Object>> options(String selected, String... pairs) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            options.add(Map.of("value", pairs[i], "label", pairs[i + 1], "selected", pairs[i].equalsIgnoreCase(selected == null ? "" : selected)));
        }
        return options;
    }

    private List<String> allStates() {
        return directory.rows(new DistrictDirectory.Filter(null, null, null, null)).stream()
                .map(DistrictDirectory.Row::state).distinct().toList();
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
