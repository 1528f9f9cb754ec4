package org.primarypipeline.console.districts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The launch form's words (issue #19): a percent field takes percents, "1m" is asked about, all at once. */
class LaunchFormCheckTest {

    @Test
    void everyBadFieldIsASentenceAboutItsLabelInOneSubmit() {
        LaunchFormCheck.Problems problems =
                LaunchFormCheck.check(new LaunchForm("1m", "14", "14d", "smartocracy", "irv", "150", "5", "a lot"));

        assertThat(problems.vettingPeriod())
                .isEqualTo(
                        "Pledge vetting: “1m” could mean minutes or months; write 1 min," + " or 30 days for 1 month.");
        assertThat(problems.nominationPeriod()).startsWith("Nomination window: “14” has no unit");
        assertThat(problems.votingPeriod()).isNull();
        assertThat(problems.quorumPercent())
                .isEqualTo("Quorum: 150% is not a share of all units; give a percentage from 0 to 100, such as 20.")
                .doesNotContain("between 0 and 1");
        assertThat(problems.goalDollars()).startsWith("Fundraiser goal: “a lot” is not an amount in dollars");
        assertThat(problems.all())
                .hasSize(4)
                .allMatch(sentence -> Character.isUpperCase(sentence.charAt(0)) && sentence.endsWith("."));
    }

    @Test
    void theDefaultsPass() {
        assertThat(LaunchFormCheck.check(LaunchForm.defaults()).all()).isEmpty();
    }
}
