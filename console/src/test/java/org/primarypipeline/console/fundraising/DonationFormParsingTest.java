package org.primarypipeline.console.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.fundraising.ContributionForm;
import org.primarypipeline.fundraising.FinanceReports;

class DonationFormParsingTest {

    @Test
    void presetsAndCustomAmountsBecomeCentsAndAnythingElseIsRefused() {
        assertThat(FundraiserPagesController.amountCents(Map.of("amount", "5000")))
                .isEqualTo(5_000);
        assertThat(FundraiserPagesController.amountCents(Map.of("amount", "custom", "customAmount", "$1,250.5")))
                .isEqualTo(125_050);
        assertThat(FundraiserPagesController.amountCents(Map.of("amount", "custom", "customAmount", "12.345")))
                .isZero();
        assertThat(FundraiserPagesController.amountCents(Map.of("amount", "custom", "customAmount", "-5")))
                .isZero();
        // a tampered preset is not taken at face value
        assertThat(FundraiserPagesController.amountCents(Map.of("amount", "123")))
                .isZero();
    }

    private static final FinanceReports.Progress FUNDRAISER = new FinanceReports.Progress(
            1, "<b>Fund</b>", "LAUNCHED", "ON", 5_000_000, 0, 0, null, null, null, null, null, "");

    @Test
    void donorTextIsEscaped() {
        String page = PublicPageView.html(
                "fundraising/donate",
                FundraiserPages.donate(
                        FUNDRAISER,
                        Map.of("fullName", "<script>alert('x')</script> & \"q\""),
                        List.of("<i>problem</i>"),
                        List.of(),
                        330_000));
        assertThat(page)
                .contains(
                        "value=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;\"",
                        "<h1>Donate: &lt;b&gt;Fund&lt;/b&gt;</h1>",
                        "<li>&lt;i&gt;problem&lt;/i&gt;.</li>")
                .doesNotContain("<script>", "<b>Fund", "<i>problem");
    }

    @Test
    void aProblemWithOneFieldIsSaidBesideItAndOneWithTheGiftAboveTheForm() {
        ContributionForm form = new ContributionForm(
                1,
                5_000,
                false,
                "PRIMARY",
                "Fay",
                "fay@example.org",
                "3 Lake Drive",
                null,
                "Detroit",
                "MI",
                "48201",
                null,
                null,
                true,
                false,
                true,
                true,
                null,
                null);
        List<String> problems = new ArrayList<>(form.problems(330_000));
        problems.add("this fundraiser is not taking donations");
        String page = PublicPageView.html(
                "fundraising/donate",
                FundraiserPages.donate(
                        FUNDRAISER, Map.of("fullName", "Fay"), problems, form.fieldProblems(330_000), 330_000));
        assertThat(page)
                .contains("""
                name="fullName" value="Fay" required aria-invalid="true" aria-describedby="fullName-error"></label>
                <p class="field-error" id="fullName-error">Please give your full name (first and last).</p>""")
                .contains("""
                name="citizen" required aria-invalid="true" aria-describedby="citizen-error"> I am a US citizen""")
                .contains("<p class=\"field-error\" id=\"citizen-error\">You must confirm you are a US citizen")
                .contains("<ul class=\"problems\" role=\"alert\">"
                        + "<li>This fundraiser is not taking donations.</li></ul>");
    }
}
