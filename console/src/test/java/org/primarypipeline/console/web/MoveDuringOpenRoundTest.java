package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.voting.BallotBox;
import org.primarypipeline.voting.BallotFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue #18: a member frozen into group A's electorate who moves to group B while A's round is open
 * must not get a second vote when B's round opens: B's electorate leaves out anyone still frozen into
 * another cycle's voting round, and they are sent no ballot link for B. Failed before the freeze
 * looked at other rounds (the mover was frozen into both and mailed two ballots).
 */
class MoveDuringOpenRoundTest extends ConsoleTestSupport {

    @Autowired
    ApplicationContext app;

    @Test
    void aMemberWhoMovesWhileTheirOldRoundIsOpenIsNotFrozenIntoTheNewOne() {
        BallotFixture fixture = new BallotFixture(app::getBean);
        BallotFixture.Round a = fixture.votingRound("IA-01", CycleSettings.defaults(), "Ana Old", "Ben Old");
        long mover = a.join("Max Mover");
        a.open();
        BallotBox box = app.getBean(BallotBox.class);
        assertThat(box.inElectorate(a.cycleId, mover)).isTrue();

        // the same person joins IA-02's group: a move (they leave IA-01's group), A's round still open
        app.getBean(MemberRepository.class).join("IA-02", "Max Mover", "max.mover@ia-01.example.org", null);
        BallotFixture.Round b = fixture.votingRound("IA-02", CycleSettings.defaults(), "Cy New", "Di New");
        long stayer = b.join("Sue Stayer");
        b.open();

        assertThat(box.inElectorate(b.cycleId, stayer)).isTrue();
        assertThat(box.inElectorate(b.cycleId, mover))
                .as("frozen into A's open round already")
                .isFalse();
        assertThat(box.inElectorate(a.cycleId, mover))
                .as("A's frozen electorate is unchanged")
                .isTrue();
        assertThat(jdbc.sql("""
                        select count(*) from outbox_message where template = 'ballot-link'
                        and recipient = 'max.mover@ia-01.example.org'""").query(Integer.class).single())
                .as("one ballot link, for A")
                .isEqualTo(1);
    }
}
