package org.primarypipeline.cycles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The cycle row and its timeline. */
@Repository
public class CycleRepository {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private final JdbcClient jdbc;

    public CycleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a new running cycle for a district. Refused with {@link CycleAlreadyRunningException} when
     * the district already has one: the partial unique index decides, so two racing launches cannot both win.
     */
    @Transactional
    public CycleRecord create(String planId, String districtId, CycleSettings settings, String actor, Instant now) {
        if (jdbc.sql("select count(*) from district where plan_id = ? and id = ?")
                        .params(planId, districtId)
                        .query(Integer.class)
                        .single()
                == 0) {
            throw new IllegalArgumentException("no district " + districtId + " in plan " + planId);
        }
        Optional<CycleRecord> running = runningCycleOf(planId, districtId);
        if (running.isPresent()) {
            throw new CycleAlreadyRunningException(districtId, running.get().id());
        }
        int sequence = jdbc.sql(
                        "select coalesce(max(sequence), 0) + 1 from cycle where plan_id = ? and district_id = ?")
                .params(planId, districtId)
                .query(Integer.class)
                .single();
        String id = districtId + "-" + sequence;
        Instant deadline = now.plus(settings.vettingPeriod());
        try {
            jdbc.sql("""
                    insert into cycle (id, plan_id, district_id, sequence, status, stage, stage_deadline, settings, created_by, created_at, updated_at)
                    values (:id, :plan, :district, :sequence, 'RUNNING', :stage, :deadline, cast(:settings as jsonb), :actor, :now, :now)
                    """)
                    .param("id", id)
                    .param("plan", planId)
                    .param("district", districtId)
                    .param("sequence", sequence)
                    .param("stage", CycleStage.PLEDGE_VETTING.name())
                    .param("deadline", Timestamp.from(deadline))
                    .param("settings", toJson(settings))
                    .param("actor", actor)
                    .param("now", Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            // a launch racing this one won; the transaction is spoilt, so no further query
            throw new CycleAlreadyRunningException(districtId, "launched a moment ago");
        }
        record(id, CycleStage.PLEDGE_VETTING, "LAUNCHED", "cycle launched by " + actor, actor, "launched");
        return find(id).orElseThrow();
    }

    public Optional<CycleRecord> find(String cycleId) {
        return jdbc.sql("select * from cycle where id = ?")
                .param(cycleId)
                .query(CycleRepository::map)
                .optional();
    }

    /**
     * A cycle's status alone: what a staff action checks before it reaches the workflow, without reading
     * (and parsing) the cycle's settings.
     */
    public Optional<CycleStatus> statusOf(String cycleId) {
        return jdbc.sql("select status from cycle where id = ?")
                .param(cycleId)
                .query((rs, n) -> CycleStatus.valueOf(rs.getString(1)))
                .optional();
    }

    /** A cycle's stage alone, for steps that note an event on its timeline. */
    public Optional<CycleStage> stageOf(String cycleId) {
        return jdbc.sql("select stage from cycle where id = ?")
                .param(cycleId)
                .query((rs, n) -> CycleStage.valueOf(rs.getString(1)))
                .optional();
    }

    public Optional<String> districtOf(String cycleId) {
        return jdbc.sql("select district_id from cycle where id = ?")
                .param(cycleId)
                .query(String.class)
                .optional();
    }

    public Optional<CycleRecord> runningCycleOf(String planId, String districtId) {
        return jdbc.sql("select * from cycle where plan_id = ? and district_id = ? and status = 'RUNNING'")
                .params(planId, districtId)
                .query(CycleRepository::map)
                .optional();
    }

    public List<CycleRecord> unfinished() {
        return jdbc.sql("select * from cycle where status = 'RUNNING' order by created_at, id")
                .query(CycleRepository::map)
                .list();
    }

    public List<CycleRecord> page(int limit, int offset) {
        return jdbc.sql("select * from cycle order by created_at desc, id limit ? offset ?")
                .params(limit, offset)
                .query(CycleRepository::map)
                .list();
    }

    /** The timeline key of a stage entry: a retried step, or the same window entered again, writes it once. */
    public static String stageKey(CycleStage stage, int extensions, Instant deadline) {
        return "stage:" + stage + ":" + extensions + ":" + (deadline == null ? "-" : deadline.toEpochMilli());
    }

    /** Moves the cycle to a stage (or re-dates its window) and writes the transition to the timeline once. */
    @Transactional
    public void enterStage(
            String cycleId, CycleStage stage, Instant deadline, int extensions, String detail, String dedupKey) {
        jdbc.sql("""
                update cycle set stage = :stage, stage_deadline = :deadline, extensions = :extensions, updated_at = now()
                where id = :id and status = 'RUNNING'
                """)
                .param("stage", stage.name())
                .param("deadline", deadline == null ? null : Timestamp.from(deadline))
                .param("extensions", extensions)
                .param("id", cycleId)
                .update();
        record(cycleId, stage, "STAGE", detail, "system", dedupKey);
    }

    @Transactional
    public void finish(String cycleId, CycleStatus status, String reason) {
        jdbc.sql("""
                update cycle set status = :status, failure_reason = :reason, stage_deadline = null, updated_at = now()
                where id = :id and status = 'RUNNING'
                """)
                .param("status", status.name())
                .param("reason", reason)
                .param("id", cycleId)
                .update();
        CycleStage stage = find(cycleId).map(CycleRecord::stage).orElse(CycleStage.DONE);
        record(cycleId, stage, status.name(), reason == null ? "" : reason, "system", "finished");
    }

    /** Appends a timeline event; the same dedup key twice (a retried activity) writes it once. */
    public boolean record(String cycleId, CycleStage stage, String kind, String detail, String actor, String dedupKey) {
        return jdbc.sql("""
                insert into cycle_event (cycle_id, stage, kind, detail, actor, dedup_key)
                values (?, ?, ?, ?, ?, ?) on conflict (cycle_id, dedup_key) do nothing
                """)
                        .params(cycleId, stage.name(), kind, detail == null ? "" : detail, actor, dedupKey)
                        .update()
                == 1;
    }

    public List<CycleEvent> timeline(String cycleId) {
        return jdbc.sql("select id, at, stage, kind, detail, actor from cycle_event where cycle_id = ? order by id")
                .param(cycleId)
                .query((rs, n) -> new CycleEvent(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("stage"),
                        rs.getString("kind"),
                        rs.getString("detail"),
                        rs.getString("actor")))
                .list();
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static CycleRecord map(ResultSet rs, int row) throws SQLException {
        Timestamp deadline = rs.getTimestamp("stage_deadline");
        CycleSettings settings;
        try {
            settings = JSON.readValue(rs.getString("settings"), CycleSettings.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable settings of cycle " + rs.getString("id"), e);
        }
        return new CycleRecord(
                rs.getString("id"),
                rs.getString("plan_id"),
                rs.getString("district_id"),
                rs.getInt("sequence"),
                CycleStatus.valueOf(rs.getString("status")),
                CycleStage.valueOf(rs.getString("stage")),
                deadline == null ? null : deadline.toInstant(),
                rs.getInt("extensions"),
                settings,
                rs.getString("failure_reason"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
