package org.primarypipeline.campaigns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.primarypipeline.core.campaign.CampaignStage;
import org.primarypipeline.core.campaign.ElectionCalendar;
import org.primarypipeline.core.time.RecipientTimeZones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code campaign} row: created once per certified winner, its stage moved only forward. */
@Repository
public class CampaignRepository {

    private final JdbcClient jdbc;
    private final CampaignSettings settings;

    public CampaignRepository(JdbcClient jdbc, CampaignSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Inserts the campaign unless it exists; returns whether this call created it. */
    public boolean createOnce(
            String cycleId,
            String districtId,
            long candidacyId,
            Long fundraiserId,
            ElectionCalendar.Election election,
            Instant now) {
        return jdbc.sql("""
                        insert into campaign (cycle_id, district_id, candidacy_id, fundraiser_id, stage, election_kind,
                                              election_day, ends_on, started_at, stage_entered_at)
                        values (:cycle, :district, :candidacy, :fundraiser, 'KICKOFF', :kind, :day, :ends, :now, :now)
                        on conflict (cycle_id) do nothing
                        """)
                        .param("cycle", cycleId)
                        .param("district", districtId)
                        .param("candidacy", candidacyId)
                        .param("fundraiser", fundraiserId)
                        .param("kind", election.kind().name())
                        .param("day", election.day())
                        .param("ends", election.day().plusDays(settings.wrapUpDays()))
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    public Optional<CampaignSchedule> find(String cycleId) {
        return jdbc.sql(
                        "select cycle_id, district_id, stage, election_kind, election_day, ends_on from campaign where cycle_id = ?")
                .param(cycleId)
                .query(this::schedule)
                .optional();
    }

    public CampaignSchedule get(String cycleId) {
        return find(cycleId).orElseThrow(() -> new IllegalArgumentException("no campaign for cycle " + cycleId));
    }

    /** Moves the stage forward only: a retried or late call never takes a campaign back. */
    public void advance(String cycleId, CampaignStage stage, Instant now) {
        jdbc.sql("""
                update campaign set stage = :stage, stage_entered_at = :now
                where cycle_id = :cycle and array_position(array['KICKOFF','ORGANIZING','GOTV','ELECTION','WRAP_UP','ENDED'], stage)
                                           < array_position(array['KICKOFF','ORGANIZING','GOTV','ELECTION','WRAP_UP','ENDED'], :stage)
                """)
                .param("stage", stage.name())
                .param("now", Timestamp.from(now))
                .param("cycle", cycleId)
                .update();
    }

    public void extend(String cycleId, int days, String actor, String reason) {
        jdbc.sql("""
                update campaign set ends_on = ends_on + :days, extended_by = :actor,
                       end_reason = coalesce(:reason, end_reason)
                where cycle_id = :cycle and stage not in ('WRAP_UP', 'ENDED')
                """)
                .param("days", days)
                .param("actor", actor)
                .param("reason", reason)
                .param("cycle", cycleId)
                .update();
    }

    public void finish(String cycleId, String endedBy, String reason, Instant now) {
        jdbc.sql("""
                update campaign set stage = 'ENDED', ended_at = :now, stage_entered_at = :now,
                       ended_by = :by, end_reason = coalesce(:reason, end_reason)
                where cycle_id = :cycle and stage <> 'ENDED'
                """)
                .param("now", Timestamp.from(now))
                .param("by", endedBy)
                .param("reason", reason)
                .param("cycle", cycleId)
                .update();
    }

    /** Campaigns PostgreSQL calls running: their workflows are started again when Temporal forgot them. */
    public List<Running> running() {
        return jdbc.sql(
                        "select cycle_id, candidacy_id, fundraiser_id, stage from campaign where stage <> 'ENDED' order by cycle_id")
                .query((rs, n) -> new Running(
                        rs.getString(1), rs.getLong(2), (Long) rs.getObject(3), CampaignStage.valueOf(rs.getString(4))))
                .list();
    }

    /** Who ended the campaign when staff did; empty while it runs or when it ran its course. */
    public Optional<String> endedBy(String cycleId) {
        return jdbc.sql("select ended_by from campaign where cycle_id = ? and ended_by is not null")
                .param(cycleId)
                .query(String.class)
                .optional();
    }

    public record Running(String cycleId, long candidacyId, Long fundraiserId, CampaignStage stage) {}

    public void countRun(String cycleId) {
        jdbc.sql("update campaign set runs = runs + 1 where cycle_id = ?")
                .param(cycleId)
                .update();
    }

    private CampaignSchedule schedule(ResultSet rs, int n) throws SQLException {
        String district = rs.getString("district_id");
        ZoneId zone = RecipientTimeZones.ofDistrictOrEastern(district);
        LocalDate day = rs.getObject("election_day", LocalDate.class);
        LocalDate ends = rs.getObject("ends_on", LocalDate.class);
        return new CampaignSchedule(
                rs.getString("cycle_id"),
                district,
                CampaignStage.valueOf(rs.getString("stage")),
                rs.getString("election_kind"),
                day.toString(),
                day.minusDays(settings.gotvDays()).atStartOfDay(zone).toInstant(),
                day.atStartOfDay(zone).toInstant(),
                ends.atStartOfDay(zone).toInstant());
    }
}
