package org.primarypipeline.console.districts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.core.cycle.CycleSettings;
import org.springframework.stereotype.Component;

/** The launch form's page model: the district's verdict beside the form, its options and the schedule. */
@Component
public class LaunchPages {

    /** One window of the schedule, or the problem that keeps the form from having one. */
    public record Step(String name, String length, String closes, String problem) {}

    /** The schedule fragment's model. */
    public record Schedule(List<Step> schedule) {}

    /** Every field's problem, listed above the form as well as beside its field. */
    public record Summary(List<String> items) {}

    public record Option(String value, String label, boolean selected) {}

    public record Page(
            String title,
            String district,
            boolean known,
            String member,
            String path,
            String score,
            int rank,
            boolean hasRank,
            String reason,
            String runningCycle,
            long groupMembers,
            LaunchForm form,
            List<Option> policies,
            List<Option> methods,
            String error,
            Summary problems,
            LaunchFormCheck.Problems invalid,
            List<Step> schedule) {}

    private final DistrictDirectory directory;
    private final Format format;
    private final Clock clock;

    public LaunchPages(DistrictDirectory directory, Format format, Clock clock) {
        this.directory = directory;
        this.format = format;
        this.clock = clock;
    }

    /** The form as typed, with what is wrong beside each field and a refusal that names no field on top. */
    public Page form(String district, LaunchForm form, LaunchFormCheck.Problems invalid, String error) {
        String id = district.toUpperCase();
        DistrictDirectory.Row row = directory.find(id).orElse(null);
        List<Option> policies = options(
                form.policy(),
                "smartocracy",
                "Smartocracy (units flow to proxies, split by shares)",
                "liquid",
                "Liquid democracy (all units to the first proxy who can take them)");
        List<Option> methods = options(
                form.method(),
                "irv",
                "Instant runoff (IRV)",
                "plurality",
                "Plurality",
                "schulze",
                "Schulze (pairwise)");
        Summary problems = invalid == null || invalid.all().isEmpty() ? null : new Summary(invalid.all());
        String title = "Launch a cycle in " + id;
        if (row == null) {
            return new Page(
                    title,
                    id,
                    false,
                    null,
                    null,
                    null,
                    0,
                    false,
                    null,
                    null,
                    0,
                    form,
                    policies,
                    methods,
                    error,
                    problems,
                    invalid,
                    schedule(form));
        }
        return new Page(
                title,
                id,
                true,
                row.member() == null ? "vacant seat" : row.member() + " (" + DistrictPages.party(row.party()) + ")",
                row.path(),
                DistrictPages.score(row),
                row.rank(),
                row.rank() > 0,
                row.reason(),
                row.runningCycle(),
                row.groupMembers(),
                form,
                policies,
                methods,
                error,
                problems,
                invalid,
                schedule(form));
    }

    public List<Step> schedule(LaunchForm form) {
        List<Step> steps = new ArrayList<>();
        try {
            CycleSettings settings = form.order("XX-01").settings();
            Instant at = clock.instant();
            String[] names = {"Pledge vetting", "Nomination window", "Voting round"};
            Duration[] periods = {settings.vettingPeriod(), settings.nominationPeriod(), settings.votingPeriod()};
            for (int i = 0; i < 3; i++) {
                at = at.plus(periods[i]);
                steps.add(new Step(names[i], Format.span(periods[i]), format.when(at), null));
            }
        } catch (IllegalArgumentException | IllegalStateException notYetValid) {
            steps.add(new Step(null, null, null, "Fix the form to see the dates: " + notYetValid.getMessage()));
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

    private static List<Option> options(String selected, String... pairs) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            options.add(
                    new Option(pairs[i], pairs[i + 1], pairs[i].equalsIgnoreCase(selected == null ? "" : selected)));
        }
        return options;
    }
}
