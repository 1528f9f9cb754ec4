package org.primarypipeline.batch.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.campaigns.CampaignRepository;
import org.primarypipeline.campaigns.LadderSweep;
import org.primarypipeline.core.campaign.ElectionCalendar;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.testing.ActivitiesContext;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code ladder-sweep} job on a real PostgreSQL: levels rise by the rules, hosts of reported events
 * become trusted hosts, and each ask is queued in the outbox once per person per rule, however often
 * the job runs. (Events are written as the {@code events} helper's commands would write them.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LadderSweepJobTest {

    private ActivitiesContext db;

    @BeforeAll
    void database() {
        db = ActivitiesContext.start();
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void theSweepPromotesTrustsAndAsksEachPersonOncePerRule() {
        String district = "CO-06";
        CycleRecord cycle = db.bean(CycleRepository.class)
                .create("cd2026", district, CycleSettings.defaults(), "alice", Instant.now());
        long candidacy = db.bean(CandidacyRepository.class).nominate(cycle.id(), "Jo Park", "jo@example.org", null);
        db.bean(CampaignRepository.class)
                .createOnce(
                        cycle.id(),
                        district,
                        candidacy,
                        null,
                        new ElectionCalendar.Election(ElectionCalendar.Kind.GENERAL, LocalDate.of(2028, 11, 7)),
                        Instant.now());
        MemberRepository members = db.bean(MemberRepository.class);
        long host = members.join(district, "Hal Host", "hal.host@example.org", null);
        long ari = members.join(district, "Ari Twice", "ari.twice@example.org", null);
        long bo = members.join(district, "Bo Once", "bo.once@example.org", null);
        long trainer = members.join(district, "Tia Trainer", "tia.trainer@example.org", null);
        Instant past = Instant.now().minus(Duration.ofDays(3));
        long e1 = event(cycle.id(), district, host, "PHONE_BANK", past, "REPORTED");
        long e2 = event(cycle.id(), district, host, "CANVASS", past, "REPORTED");
        event(cycle.id(), district, host, "TEXT_BANK", past, "REPORTED");
        long training =
                event(cycle.id(), district, trainer, "TRAINING", Instant.now().plus(Duration.ofDays(5)), "PUBLISHED");
        attend(e1, ari);
        attend(e2, ari);
        attend(e1, bo);

        try (AnnotationConfigApplicationContext batch = batch()) {
            LadderSweeps sweeps = batch.getBean(LadderSweeps.class);
            assertThat(sweeps.run(1)).isEqualTo(BatchStatus.COMPLETED);
            assertThat(level(host)).isEqualTo("ORGANIZER " + district);
            assertThat(level(ari)).isEqualTo("VOLUNTEER " + district);
            assertThat(level(bo)).isEqualTo("VOLUNTEER " + district);
            assertThat(level(trainer)).isNull();
            assertThat(count("select count(*) from trusted_host where member_id = " + host
                            + " and reason = 'REPORTED_EVENT'"))
                    .isEqualTo(1);
            assertThat(count("select count(*) from outbox_message where template = 'ladder-ask-host'"))
                    .isEqualTo(1);
            assertThat(
                            count(
                                    "select count(*) from outbox_message where template = 'ladder-ask-host' and recipient = 'ari.twice@example.org'"))
                    .isEqualTo(1);
            assertThat(
                            count(
                                    "select count(*) from outbox_message where template = 'ladder-training-offer' and recipient = 'hal.host@example.org'"))
                    .isEqualTo(1);
            assertThat(db.jdbc()
                            .sql("select model::text from outbox_message where template = 'ladder-training-offer'")
                            .query(String.class)
                            .single())
                    .contains("/events/" + training);

            // the same hour again: already complete; the next hour: nothing new to ask
            assertThat(sweeps.run(1)).isEqualTo(BatchStatus.COMPLETED);
            assertThat(sweeps.run(2)).isEqualTo(BatchStatus.COMPLETED);
            assertThat(count("select count(*) from outbox_message where template like 'ladder-%'"))
                    .isEqualTo(2);
            assertThat(count("select count(*) from ladder_ask")).isEqualTo(2);
            // a level never falls: staff named Bo organizer elsewhere, the sweep leaves it
            db.bean(LadderSweep.class).nameOrganizer(bo, "CO-07", "alice");
            assertThat(sweeps.run(3)).isEqualTo(BatchStatus.COMPLETED);
            assertThat(level(bo)).isEqualTo("ORGANIZER CO-07");
        }
    }

    private long event(String cycleId, String district, long host, String kind, Instant starts, String status) {
        long id = db.jdbc()
                .sql("""
                        insert into campaign_event (cycle_id, district_id, host_member_id, kind, title, starts_at, ends_at,
                                                    time_zone, status, publish_at, reported_at, attended)
                        values (?, ?, ?, ?, ?, ?, ?, 'America/Denver', ?, ?, ?, ?)
                        returning id
                        """)
                .params(
                        cycleId,
                        district,
                        host,
                        kind,
                        kind + " with " + host,
                        Timestamp.from(starts),
                        Timestamp.from(starts.plus(Duration.ofHours(2))),
                        status,
                        Timestamp.from(starts.minus(Duration.ofDays(2))),
                        status.equals("REPORTED") ? Timestamp.from(starts.plus(Duration.ofHours(3))) : null,
                        status.equals("REPORTED") ? 2 : null)
                .query(Long.class)
                .single();
        db.jdbc()
                .sql("insert into event_shift (event_id, starts_at, ends_at, capacity) values (?, ?, ?, 10)")
                .params(id, Timestamp.from(starts), Timestamp.from(starts.plus(Duration.ofHours(2))))
                .update();
        return id;
    }

    private void attend(long event, long member) {
        db.jdbc().sql("""
                        insert into event_rsvp (event_id, shift_id, member_id, full_name, email, status, checked_in_at)
                        select s.event_id, s.id, m.id, m.full_name, m.email, 'CONFIRMED', now()
                        from event_shift s, member m where s.event_id = ? and m.id = ?
                        """).params(event, member).update();
    }

    private String level(long member) {
        return db.jdbc()
                .sql("select level || ' ' || district_id from engagement_level where member_id = ?")
                .param(member)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private int count(String sql) {
        return db.jdbc().sql(sql).query(Integer.class).single();
    }

    private AnnotationConfigApplicationContext batch() {
        AnnotationConfigApplicationContext batch = new AnnotationConfigApplicationContext();
        // the shared database outlives this context: no destroy method
        batch.registerBean("dataSource", DataSource.class, db::dataSource, bd -> bd.setDestroyMethodName(""));
        batch.registerBean(LadderSweep.class, () -> db.bean(LadderSweep.class));
        batch.register(BatchWiring.class);
        batch.refresh();
        return batch;
    }

    @Configuration
    @EnableBatchProcessing
    @Import({LadderSweepJobConfiguration.class, LadderSweeps.class})
    static class BatchWiring {
        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }
    }
}
