package org.primarypipeline.console.contacts;

import java.util.List;
import java.util.Map;
import org.primarypipeline.batch.cutturf.TurfCuts;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.contacts.Turfs;
import org.primarypipeline.contacts.Universe;
import org.primarypipeline.contacts.Universes;
import org.springframework.stereotype.Service;

/**
 * An organizer cuts a DOOR universe of the campaign into turfs through the {@code cut-turf} job: households
 * (contacts at one address) in turfs of about {@code doorsPerTurf} doors (default
 * {@code pp.canvass.doors-per-turf}), each a walking route, with the script (merge fields as a call packet's)
 * and survey questions the canvassers read. A cut that failed is run again from where it stopped.
 */
@Service
public class CutTurf {

    public record Request(
            Long universeId, String name, String script, List<String> questions, Integer doorsPerTurf, Long resume) {}

    public record Result(long cutId, String status, int turfs, int households, String failure) {}

    private final CampaignScope scope;
    private final Universes universes;
    private final TurfCuts cuts;
    private final Turfs turfs;
    private final AuditLog audit;

    public CutTurf(CampaignScope scope, Universes universes, TurfCuts cuts, Turfs turfs, AuditLog audit) {
        this.scope = scope;
        this.universes = universes;
        this.cuts = cuts;
        this.turfs = turfs;
        this.audit = audit;
    }

    public Result perform(StaffUser who, String cycleId, Request r) {
        scope.require(who, cycleId, "contacts.turf.cut");
        TurfCuts.Outcome outcome;
        if (r.resume() != null) {
            Turfs.Cut failed = turfs.cut(r.resume())
                    .filter(c -> c.cycleId().equals(cycleId))
                    .orElseThrow(() -> new IllegalArgumentException("no turf cut " + r.resume() + " in this campaign"));
            if (!"FAILED".equals(failed.status())) {
                throw new IllegalArgumentException("only a turf cut that failed is run again; this one is "
                        + failed.status().toLowerCase(java.util.Locale.ROOT));
            }
            outcome = cuts.resume(failed.id());
        } else {
            Universe universe = universes
                    .find(r.universeId() == null ? -1 : r.universeId())
                    .filter(u -> u.cycleId().equals(cycleId))
                    .orElseThrow(
                            () -> new IllegalArgumentException("no universe " + r.universeId() + " in this campaign"));
            if (universe.channel() != Universe.Channel.DOOR) {
                throw new IllegalArgumentException("turfs are cut from a DOOR universe");
            }
            if (r.name() == null || r.name().isBlank() || r.name().length() > 120) {
                throw new IllegalArgumentException("a turf cut needs a name of at most 120 characters");
            }
            if (r.script() == null || r.script().isBlank() || r.script().length() > 5000) {
                throw new IllegalArgumentException("a turf cut needs a script of at most 5,000 characters");
            }
            if (r.doorsPerTurf() != null && (r.doorsPerTurf() < 5 || r.doorsPerTurf() > 500)) {
                throw new IllegalArgumentException("doors per turf is between 5 and 500");
            }
            List<String> questions = r.questions() == null
                    ? List.of()
                    : r.questions().stream()
                            .filter(q -> !q.isBlank())
                            .map(String::trim)
                            .toList();
            if (questions.size() > 10 || questions.stream().anyMatch(q -> q.length() > 200)) {
                throw new IllegalArgumentException("at most 10 survey questions of at most 200 characters each");
            }
            MergeFields.check(r.script());
            outcome = cuts.cut(universe, r.name().trim(), r.script(), questions, r.doorsPerTurf(), who.getUsername());
        }
        boolean done = "COMPLETED".equals(outcome.status());
        audit.record(
                who.getUsername(),
                who.role().label(),
                "contacts.turf.cut",
                "campaign " + cycleId,
                done ? Outcome.DONE : Outcome.REFUSED,
                "turf cut '" + outcome.cut().name() + "': " + outcome.status() + ", "
                        + outcome.cut().turfs() + " turfs, " + outcome.cut().households() + " doors",
                null,
                Map.of(
                        "cut", outcome.cut().id(),
                        "universe", outcome.cut().universeId(),
                        "doorsPerTurf", outcome.cut().doorsPerTurf()));
        return new Result(
                outcome.cut().id(),
                outcome.status(),
                outcome.cut().turfs(),
                outcome.cut().households(),
                outcome.failure());
    }
}
