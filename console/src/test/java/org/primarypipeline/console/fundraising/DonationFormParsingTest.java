package org.primarypipeline.console.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primarypipeline.activities.fundraiser.FinanceReports;
import org.primarypipeline.console.web.PublicPageView;

class DonationFormParsingTest {

    @Test
    void presetsAndCustomAmountsBecomeCentsAndAnythingElseIsRefused() {
        assertThat(FundraiserPagesController.amountCents(Map.of("amount", "5000"))).isEqualTo(5_000);
        assertThat(FundraiserPagesController.amountCents(Map.of("amount", "custom", "customAmount", "$1,250.5"))).isEqualTo(125_050);
        assertThat(FundraiserPagesController.amountCents(Map.of("amount", "custom", "customAmount", "12.345"))).isZero();
        assertThat(FundraiserPagesController.amountCents(Map.of("amount", "custom", "customAmount", "-5"))).isZero();
        // a tampered preset is not taken at face value
        assertThat(FundraiserPagesController.amountCents(Map.of("amount", "123"))).isZero();
    }

    @Test
    void donorTextIsEscaped() {
        FinanceReports.Progress fundraiser = new FinanceReports.Progress(1, "<b>Fund</b>", "LAUNCHED", "ON", 5_000_000,
                0, 0, null, null, null, null, null, "");
        String page = PublicPageView.html("fundraising/donate", FundraiserPages.donate(fundraiser,
                Map.of("fullName", "<script>alert('x')</script> & \"q\""), List.of("<i>problem</i>"), 330_000));
        assertThat(page).contains("value=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;\"",
                        "<h1>Donate: &lt;b&gt;Fund&lt;/b&gt;</h1>", "<li>&lt;i&gt;problem&lt;/i&gt;</li>")
                .doesNotContain("<script>", "<b>Fund", "<i>problem");
    }
}
