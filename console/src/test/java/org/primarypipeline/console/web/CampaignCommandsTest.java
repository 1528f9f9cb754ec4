package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.primarypipeline.campaigns.CampaignRepository;
import org.primarypipeline.campaigns.CampaignStarter;
import org.primarypipeline.console.campaigns.EndCampaign;
import org.primarypipeline.console.campaigns.ExtendCampaign;
import org.primarypipeline.console.cycles.CycleActionRefused;
import org.primarypipeline.core.campaign.ElectionCalendar;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Staff end and extend a campaign through one command class each (the API, the cycle page's buttons and
 * {@code pp campaign} are adapters over them): STEER_CYCLES checked, the workflow signalled, the audit
 * entry written, a campaign already over refused.
 */
class CampaignCommandsTest extends ConsoleTestSupport {

    @Autowired
    CycleRepository cycles;

    @Autowired
    CandidacyRepository candidacies;

    @Autowired
    CampaignRepository campaigns;

    @Autowired
    CampaignStarter starter;

    @Autowired
    EndCampaign end;

    @Autowired
    ExtendCampaign extend;

    @Test
    void staffExtendThenEndACampaignAndEachIsAudited() {
        String district = "CO-07";
        CycleRecord cycle = cycles.create("cd2026", district, CycleSettings.defaults(), "alice", Instant.now());
        long candidacy = candidacies.nominate(cycle.id(), "Cam Paign", "cam.paign@example.org", null);
        // the cycle's launch step would have done this: a campaign, and its workflow running
        jdbc.sql("update cycle set status = 'COMPLETED', stage = 'DONE' where id = ?")
                .param(cycle.id())
                .update();
        campaigns.createOnce(
                cycle.id(),
                district,
                candidacy,
                null,
                new ElectionCalendar.Election(ElectionCalendar.Kind.GENERAL, LocalDate.of(2028, 11, 7)),
                Instant.now());
        assertThat(starter.start(cycle.id(), candidacy, null)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> stage(cycle.id()).equals("ORGANIZING"));

        assertThatThrownBy(() -> extend.perform(users.find("otto").orElseThrow(), cycle.id(), 3, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> extend.perform(users.find("alice").orElseThrow(), cycle.id(), 0, null))
                .hasMessageContaining("from 1 to 366 days");
        assertThat(extend.perform(users.find("alice").orElseThrow(), cycle.id(), 3, "recount"))
                .contains("3 day(s) later");
        await().atMost(Duration.ofSeconds(30)).until(() -> endsOn(cycle.id()).equals(LocalDate.of(2028, 11, 11)));

        assertThatThrownBy(() -> end.perform(users.find("bob").orElseThrow(), cycle.id(), " "))
                .hasMessageContaining("say why");
        assertThat(end.perform(users.find("bob").orElseThrow(), cycle.id(), "the candidate withdrew"))
                .contains("ends now");
        await().atMost(Duration.ofSeconds(30)).until(() -> stage(cycle.id()).equals("ENDED"));
        assertThat(campaigns.endedBy(cycle.id())).contains("bob");
        assertThatThrownBy(() -> end.perform(users.find("bob").orElseThrow(), cycle.id(), "again"))
                .isInstanceOf(CycleActionRefused.class)
                .hasMessageContaining("already over");

        assertThat(jdbc.sql("""
                        select action || ' ' || actor || ' ' || outcome from audit_log
                        where target = ? and action like 'campaign.%' order by id
                        """).param(cycle.id()).query(String.class).list())
                .containsExactly(
                        "campaign.extend otto DENIED",
                        "campaign.extend alice REFUSED",
                        "campaign.extend alice DONE",
                        "campaign.end bob REFUSED",
                        "campaign.end bob DONE",
                        "campaign.end bob REFUSED");
    }

    private String stage(String cycleId) {
        return jdbc.sql("select stage from campaign where cycle_id = ?")
                .param(cycleId)
                .query(String.class)
                .single();
    }

    private LocalDate endsOn(String cycleId) {
        return jdbc.sql("select ends_on from campaign where cycle_id = ?")
                .param(cycleId)
                .query(LocalDate.class)
                .single();
    }
}
