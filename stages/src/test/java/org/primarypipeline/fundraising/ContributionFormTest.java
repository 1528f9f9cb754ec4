package org.primarypipeline.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.primarypipeline.testing.Fundraising;

/** The donation form checks the receipt address by the same rule as every other address. */
class ContributionFormTest {

    private static final String ASK = "please give an email address for your receipt";

    @Test
    void theReceiptAddressFollowsTheOneRuleForAddresses() {
        assertThat(withEmail("Amy.Fox@Example.org").problems(330_000)).isEmpty();
        for (String bad : new String[] {null, " ", "amy", "amy@example", "amy fox@example.org", "amy@@example.org"}) {
            assertThat(withEmail(bad).problems(330_000)).as(String.valueOf(bad)).containsExactly(ASK);
        }
    }

    private static ContributionForm withEmail(String email) {
        ContributionForm ok = Fundraising.form(1, 5_000, "Amy Fox", "4 Birch Way", "78701", "Acme", "Teacher");
        return new ContributionForm(
                ok.fundraiserId(),
                ok.amountCents(),
                ok.monthly(),
                ok.election(),
                ok.fullName(),
                email,
                ok.addressLine1(),
                ok.addressLine2(),
                ok.city(),
                ok.state(),
                ok.zip(),
                ok.employer(),
                ok.occupation(),
                ok.ownFunds(),
                ok.citizenOrPermanentResident(),
                ok.notFederalContractor(),
                ok.personalCard(),
                ok.ip(),
                ok.userAgent());
    }
}
