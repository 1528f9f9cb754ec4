package org.primarypipeline.console.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.voting.Receipt;

/**
 * The ballot link's pages and the assisted ballot's pages rendered from sample data in English and in
 * Spanish: no key of the bundles left unresolved, no field left over, and the words differ.
 */
class BallotPagesInBothLanguagesTest {

    private static final Pattern RAW_KEY = Pattern.compile("\\b(ballot|assisted)\\.[a-z-]+\\b");

    static Map<String, PublicPage> samples() {
        Map<String, PublicPage> pages = new LinkedHashMap<>();
        pages.put("open", new BallotPageModels.Open("TOKEN", "OH-11", 12));
        pages.put("sent", new BallotPageModels.Sent());
        pages.put(
                "problem",
                new BallotPageModels.Problem(
                        "Your ballot", "This link has expired", "Ask for a fresh one.", true, "OH-11-1"));
        pages.put(
                "check",
                new BallotPageModels.Check(
                        "OH-11-1",
                        new BallotPageModels.Published(
                                "abc123", "The chain holds 4 receipts.", "r", true, true, "Found as entry #1.")));
        pages.put(
                "assisted",
                new AssistedBallotPages.EntryPage(
                        7L,
                        "TOKEN",
                        "OH-11-1",
                        "OH-11",
                        "Ana Ruiz",
                        "Dec 9, 2026",
                        "by phone",
                        List.of("Kim Diaz", "Jo Park"),
                        true,
                        "Bea Lopez 10",
                        true,
                        true,
                        "pending"));
        pages.put(
                "assisted-answered",
                new AssistedBallotPages.Answered(
                        "Confirmed",
                        "Your ballot is confirmed",
                        "It now counts.",
                        "OH-11-1",
                        new Receipt(3, "c0de", "s3cret")));
        return pages;
    }

    @Test
    void everyPageRendersInEnglishAndInSpanishWithNoKeyLeft() {
        for (Map.Entry<String, PublicPage> page : samples().entrySet()) {
            String en = PublicPageView.html("voting/" + page.getKey(), page.getValue(), Language.EN);
            String es = PublicPageView.html("voting/" + page.getKey(), page.getValue(), Language.ES);
            for (String html : List.of(en, es)) {
                assertThat(RAW_KEY.matcher(html).results().map(m -> m.group()).toList())
                        .as("keys left in %s", page.getKey())
                        .isEmpty();
                assertThat(html).as(page.getKey()).doesNotContain("{{");
            }
            assertThat(en)
                    .as("%s is worded differently in Spanish", page.getKey())
                    .isNotEqualTo(es.replace("lang=\"es\"", "lang=\"en\""));
        }
        assertThat(PublicPageView.html("voting/open", samples().get("open"), Language.ES))
                .contains("Tu papeleta de OH-11", "Abrir mi papeleta", "12 horas");
        assertThat(PublicPageView.html("voting/assisted", samples().get("assisted"), Language.ES))
                .contains("Confirmar: esta es mi papeleta", "Ana Ruiz, a petición tuya");
    }
}
