package org.primarypipeline.batch.assigndistricts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.primarypipeline.batch.importsupporters.SupporterBatchWiring;
import org.primarypipeline.batch.importsupporters.SupporterImports;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.geo.AssignmentSource;
import org.primarypipeline.core.supporter.SupporterCsvGenerator;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.supporters.SupporterDistricts;
import org.primarypipeline.testing.ActivitiesContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loading another plan re-assigns everyone in one job: moves are counted against what each supporter
 * had, joined members' groups follow, confirmations on the plan are kept, a closed round's ballots and
 * electorate stay as counted, and running it again changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssignDistrictsJobTest {

    @TempDir
    static Path folder;

    private ActivitiesContext db;
    private AnnotationConfigApplicationContext batch;
    private JdbcClient jdbc;

    @BeforeAll
    void start() throws Exception {
        db = ActivitiesContext.start();
        batch = SupporterBatchWiring.start(
                db.dataSource(),
                Map.of("pp.import.chunk-size", "500", "pp.reassign.chunk-size", "300", "pp.reassign.partitions", "2"));
        jdbc = db.jdbc();
        Path file = folder.resolve("list.csv");
        new SupporterCsvGenerator(5, 0.3).write(file, 4_000);
        assertThat(batch.getBean(SupporterImports.class)
                        .run(file, SupporterImports.Options.defaults())
                        .batchStatus())
                .isEqualTo("COMPLETED");
    }

    @AfterAll
    void stop() {
        batch.close();
        db.close();
    }

    @Test
    void anotherPlanReassignsEveryoneCountsMovesMovesGroupsAndLeavesClosedRoundsAlone() {
        MemberRepository members = db.bean(MemberRepository.class);
        SupporterDistricts districts = db.bean(SupporterDistricts.class);
        long web = members.join("TX-07", "Web Joiner", "web@example.org", null);
        long confirmed = jdbc.sql("select min(id) from member where district_provisional")
                .query(Long.class)
                .single();
        districts.confirm(confirmed, DistrictId.parse("TX-08"));
        closedRoundIn("TX-07");
        String ballotsBefore = ballots();
        jdbc.sql("create table before_move as select id, district_id from member")
                .update();

        DistrictReassignments.Outcome outcome =
                batch.getBean(DistrictReassignments.class).reassign("cd119");

        assertThat(outcome.batchStatus()).isEqualTo("COMPLETED");
        DistrictReassignments.Reassignment r = outcome.reassignment();
        assertThat(r.fromPlan()).isEqualTo("cd2026");
        assertThat(r.toPlan()).isEqualTo("cd119");
        long supporters =
                jdbc.sql("select count(*) from member").query(Long.class).single();
        assertThat(r.supporters()).isEqualTo(supporters);
        long moved = jdbc.sql("""
                select count(*) from member m join before_move b on b.id = m.id
                where b.district_id is not null and m.district_id is not null and b.district_id <> m.district_id
                """).query(Long.class).single();
        assertThat(r.moved()).isEqualTo(moved).isGreaterThan(150);
        assertThat(jdbc.sql("select id from district_plan where is_current")
                        .query(String.class)
                        .single())
                .isEqualTo("cd119");
        assertThat(jdbc.sql("select count(*) from member where district_plan_id <> 'cd119'")
                        .query(Long.class)
                        .single())
                .isZero();
        // every district given exists in the plan
        assertThat(jdbc.sql("""
                select count(*) from member m where m.district_id is not null
                  and not exists (select 1 from district d where d.plan_id = 'cd119' and d.id = m.district_id)
                """).query(Long.class).single()).isZero();
        // joined members: exactly one open membership each, in their district's cd119 group
        long joined = jdbc.sql("select count(*) from member where joined_at is not null and district_id is not null")
                .query(Long.class)
                .single();
        assertThat(joined).isGreaterThan(1_000);
        assertThat(jdbc.sql("""
                select count(*) from member m join group_membership gm on gm.member_id = m.id and gm.left_at is null
                join district_group g on g.id = gm.group_id and g.plan_id = 'cd119' and g.district_id = m.district_id
                """).query(Long.class).single()).isEqualTo(joined);
        assertThat(jdbc.sql("select count(*) from group_membership where left_at is null")
                        .query(Long.class)
                        .single())
                .isEqualTo(joined);
        // the web joiner had no address: kept TX-07, to confirm; the cd2026 confirmation was about other lines
        assertThat(districts.of(web).orElseThrow()).satisfies(c -> {
            assertThat(c.districtId()).isEqualTo(DistrictId.parse("TX-07"));
            assertThat(c.source()).isEqualTo(AssignmentSource.CARRIED_OVER);
            assertThat(c.provisional()).isTrue();
        });
        assertThat(districts.of(confirmed).orElseThrow().source()).isNotEqualTo(AssignmentSource.MEMBER_CONFIRMED);
        assertThat(ballots()).isEqualTo(ballotsBefore);

        // a confirmation on this plan wins over re-running it, and re-running changes nothing else
        districts.confirm(confirmed, DistrictId.parse("TX-09"));
        String snapshot = snapshot();
        DistrictReassignments.Reassignment again =
                batch.getBean(DistrictReassignments.class).reassign("cd119").reassignment();
        assertThat(again.moved()).isZero();
        assertThat(again.keptConfirmed()).isEqualTo(1);
        assertThat(again.membershipsMoved()).isZero();
        assertThat(snapshot()).isEqualTo(snapshot);

        // and back to the 2026 lines: everyone with an address is where the import put them
        DistrictReassignments.Reassignment back =
                batch.getBean(DistrictReassignments.class).reassign("cd2026").reassignment();
        assertThat(back.moved()).isBetween(moved - 1, moved + 1);
        assertThat(jdbc.sql("""
                select count(*) from member m join before_move b on b.id = m.id
                where m.id <> ? and m.zip is not null and b.district_id is distinct from m.district_id
                """).param(confirmed).query(Long.class).single()).isZero();
        assertThat(ballots()).isEqualTo(ballotsBefore);
    }

    /** A finished cycle in the district's cd2026 group: its electorate and ballots are history. */
    private void closedRoundIn(String district) {
        jdbc.sql("""
                insert into cycle (id, plan_id, district_id, sequence, status, stage, settings, created_by)
                values (? || '-1', 'cd2026', ?, 1, 'COMPLETED', 'CERTIFICATION', '{}', 'test')
                """).params(district, district).update();
        jdbc.sql("""
                insert into electorate (cycle_id, member_id)
                select ? || '-1', gm.member_id from group_membership gm join district_group g on g.id = gm.group_id
                where g.plan_id = 'cd2026' and g.district_id = ? and gm.left_at is null
                """).params(district, district).update();
        jdbc.sql(
                        "insert into ballot (cycle_id, member_id, ranking) select cycle_id, member_id, array[1, 2]::bigint[] from electorate")
                .update();
    }

    private String ballots() {
        return jdbc.sql("""
                select count(*) || ':' || coalesce(md5(string_agg(e.member_id::text || b.ranking::text || b.cast_at::text, ',' order by e.member_id)), '')
                from electorate e join ballot b on b.cycle_id = e.cycle_id and b.member_id = e.member_id
                """).query(String.class).single();
    }

    private String snapshot() {
        return jdbc.sql("""
                select (select md5(string_agg(m::text, '|' order by id)) from member m)
                    || (select md5(string_agg(g::text, '|' order by group_id, member_id)) from group_membership g)
                """).query(String.class).single();
    }
}
