package org.primarypipeline.console.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

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
        assertThat(Html.esc("<script>alert('x')</script> & \"q\"")).isEqualTo(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    }
}
