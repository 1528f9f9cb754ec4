package org.primarypipeline.console.districts;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.batch.prioritize.PriorityRanking;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.core.priority.CaucusStanding;
import org.primarypipeline.core.priority.DistrictPriority;
import org.primarypipeline.core.priority.Path;
import org.primarypipeline.core.priority.PriorityModel;
import org.primarypipeline.core.priority.PublicDataFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the districts' ranking comes from: the newest completed prioritization run (the
 * {@code prioritize} batch job) or, before any run has completed (the job was switched off on start),
 * the model computed here once from the bundled public data with its default weights and no supporter
 * figures. The {@link DistrictDirectory} joins this ranking with the districts in PostgreSQL.
 */
@Component
class DistrictRanking {

    /** One district's verdict, from a stored run or the model. */
    record Ranked(
            int rank,
            double score,
            String path,
            String pathKey,
            double winChance,
            String lean,
            String reason,
            long supporters) {}

    private final JdbcClient jdbc;
    private final PriorityRanking stored;
    private final Format format;
    private volatile Map<String, DistrictPriority> computed;

    DistrictRanking(JdbcClient jdbc, PriorityRanking stored, Format format) {
        this.jdbc = jdbc;
        this.stored = stored;
        this.format = format;
    }

    DistrictDirectory.Source source() {
        return stored.latestRun()
                .map(run -> new DistrictDirectory.Source(
                        true,
                        "Ranked by prioritization run #" + run + " of "
                                + jdbc.sql("select completed_at from priority_run where id = ?")
                                        .param(run)
                                        .query(java.sql.Timestamp.class)
                                        .optional()
                                        .map(t -> format.when(t.toInstant()))
                                        .orElse("?")
                                + ": expected progressive wins per $1M with our group sizes."))
                .orElseGet(
                        () -> new DistrictDirectory.Source(
                                false,
                                "Ranked by expected progressive wins per $1M. "
                                        + "No prioritization run has completed yet, so this ranking is computed by the app from the "
                                        + "bundled public data with the model's default weights and without our supporter figures."));
    }

    /** Each ranked district's verdict, by district id. */
    Map<String, Ranked> byDistrict() {
        if (stored.latestRun().isPresent()) {
            Map<String, Ranked> byId = new HashMap<>();
            for (PriorityRanking.Row r : stored.top(1000, 0)) {
                byId.put(
                        r.districtId(),
                        new Ranked(
                                r.rank(),
                                r.score(),
                                r.path(),
                                pathKey(r.path()),
                                r.primaryWin() * r.generalWin(),
                                r.lean(),
                                r.pathReason(),
                                r.supporters()));
            }
            return byId;
        }
        Map<String, Ranked> byId = new HashMap<>();
        modelRanking()
                .forEach((id, p) -> byId.put(
                        id,
                        new Ranked(
                                p.rank(),
                                p.score(),
                                p.path().label(),
                                p.path().key(),
                                p.winChance(),
                                p.lean(),
                                p.pathReason(),
                                0)));
        return byId;
    }

    /** The figures and each factor's term behind one district's row. */
    Optional<DistrictDirectory.Detail> detail(DistrictDirectory.Row row) {
        String district = row.district();
        if (stored.latestRun().isPresent()) {
            return stored.detail(district)
                    .map(d -> new DistrictDirectory.Detail(
                            row,
                            d.row().path(),
                            d.row().primaryWin(),
                            d.row().generalWin(),
                            d.row().expectedCostDollars(),
                            d.contributions(),
                            d.gaps(),
                            d.row().explanation(),
                            incumbent(district)));
        }
        DistrictPriority p = modelRanking().get(district);
        return p == null
                ? Optional.empty()
                : Optional.of(new DistrictDirectory.Detail(
                        row,
                        p.path().label(),
                        p.primaryWin(),
                        p.generalWin(),
                        p.expectedCostDollars(),
                        p.contributions(),
                        p.gaps(),
                        p.explanation(),
                        p.incumbent()));
    }

    /** The sitting Democrat's roll-call standing from the bundled public data (stored runs do not keep it). */
    private static CaucusStanding incumbent(String district) {
        return PublicDataFacts.plan2026().stream()
                .filter(f -> f.district().toString().equals(district) && f.member() != null)
                .map(f -> f.member().standing())
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** The model's ranking from the bundled data, computed once (only until a prioritization run completes). */
    private Map<String, DistrictPriority> modelRanking() {
        Map<String, DistrictPriority> built = computed;
        if (built == null) {
            synchronized (this) {
                if (computed == null) {
                    Map<String, DistrictPriority> byId = new HashMap<>();
                    for (DistrictPriority p : PriorityModel.withDefaults().rank(PublicDataFacts.plan2026(), Map.of())) {
                        byId.put(p.district().toString(), p);
                    }
                    computed = Map.copyOf(byId);
                }
                built = computed;
            }
        }
        return built;
    }

    /** Stored runs keep the path's label; filters use its short name (ally, challenge, open, flip, third). */
    private static String pathKey(String label) {
        Path p = Path.parse(label);
        return p == null ? "" : p.key();
    }
}
