package org.primarypipeline.console.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primarypipeline.activities.fundraiser.FinanceReports;

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
    void donorTextIsEscapedAndTheChartDrawsOneBarPerDay() {
        assertThat(Html.esc("<script>alert('x')</script> & \"q\"")).isEqualTo(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        String svg = Html.dailyChart(List.of(
                new FinanceReports.Day(java.time.LocalDate.parse("2026-05-01"), 10_000, 0, 0),
                new FinanceReports.Day(java.time.LocalDate.parse("2026-05-02"), 5_000, -2_000, 0)));
        assertThat(svg).contains("height=\"150\"").contains("height=\"75\"").contains("$20 refunds and disputes")
                .doesNotContain("style=");
    }
}
