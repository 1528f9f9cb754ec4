package org.primarypipeline.console.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.voting.AssistedBallots;
import org.primarypipeline.voting.BallotAccess;
import org.primarypipeline.voting.Receipt;
import org.primarypipeline.voting.Receipts;

/**
 * The ballot link's pages and the assisted ballot's pages rendered from sample data in English and in
 * Spanish: no key of the bundles left unresolved, no field left over, and the words differ.
 */
class BallotPagesInBothLanguagesTest {

    private static final Pattern RAW_KEY = Pattern.compile("\\b(ballot|assisted|rules)\\.[a-z-]+\\b");

    /** An open ballot with a fresh receipt, proxies, an assisted step and the rules with an electorate cut-off. */
    static BallotPageModels.Ballot ballot(Language language) {
        return new BallotPageModels.Ballot(
                "Your ballot: OH-11",
                "OH-11-1",
                "OH-11",
                42L,
                "Ana Ruiz",
                true,
                "Dec 9, 2026",
                "Dec 1, 2026",
                "FORMKEY",
                List.of(new BallotPageModels.NomineeRow(
                        5L, "Kim Diaz", List.of(new BallotPageModels.RankChoice(1, true)), "Statement", "/photo/5")),
                true,
                new Receipt(3, "c0de", "s3cret"),
                "nobody",
                "your standing list",
                true,
                List.of(new BallotPageModels.ProxySlot(1, "7", "10")),
                "Stored.",
                "A ranking error.",
                "A proxies error.",
                VotingRules.of(CycleSettings.defaults(), "OH-11", Instant.parse("2026-12-01T15:00:00Z"), language),
                new BallotPageModels.AssistedHistory(List.of("A step.")));
    }

    static Map<String, PublicPage> samples() {
        Map<String, PublicPage> pages = new LinkedHashMap<>();
        pages.put("open", new BallotPageModels.Open("TOKEN", "OH-11", 12, "Your ballot"));
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
                                "abc123", "The chain holds 4 receipts.", "r", true, true, "Found as entry #1."),
                        "Check a receipt"));
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
                        "pending",
                        "A ballot entered for you"));
        pages.put("ballot", ballot(Language.EN));
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
        String ballotEs = PublicPageView.html("voting/ballot", ballot(Language.ES), Language.ES);
        assertThat(ballotEs)
                .contains(
                        "Ordena a los candidatos",
                        "Cambiar mi papeleta",
                        "Tus apoderados",
                        "Cómo funciona esta votación",
                        "10 unidades de voto",
                        "La votación se cerró el Dec 1, 2026",
                        "segunda vuelta instantánea")
                .doesNotContain("Rank the candidates", "How this vote works", "instant runoff");
        assertThat(PublicPageView.html("voting/ballot", ballot(Language.EN), Language.EN))
                .contains("Rank the candidates", "How this vote works", "10 vote units", "instant runoff")
                .doesNotContain("La votación");
    }

    /** What the controllers compute for these pages comes from the same bundles, in both languages. */
    @Test
    void controllersSentencesAreInBothLanguages() {
        for (Language language : Language.values()) {
            List<String> said = new java.util.ArrayList<>();
            said.add(BallotProblems.stored("ballot", language));
            said.add(BallotProblems.stored("again", language));
            said.add(BallotProblems.stored("proxies", language));
            said.add(BallotProblems.noSuchBallot("OH-11-1", language).message());
            said.add(BallotProblems.sessionEnded("OH-11-1", language).heading());
            said.add(BallotProblems.crossSite(language).message());
            BallotAccess.Session session = new BallotAccess.Session("OH-11-1", 1L, "k", Instant.now());
            for (BallotAccess.LinkState state : BallotAccess.LinkState.values()) {
                for (CycleStatus round : new CycleStatus[] {CycleStatus.CANCELLED, CycleStatus.FAILED, null}) {
                    BallotPageModels.Problem p = BallotProblems.linkProblem(
                            new BallotAccess.Exchange(state, session, null), round, language);
                    said.add(p.heading());
                    said.add(p.message());
                }
            }
            said.add(BallotPages.chainSummary(new Receipts.Publication("OH-11-1", "h", 4, 3), language));
            said.add(BallotPages.chainSummary(new Receipts.Publication("OH-11-1", "h", 1, 1), language));
            for (AnswerAssistedBallot.Result result : AnswerAssistedBallot.Result.values()) {
                AssistedBallotPages.Answered a = AssistedBallotPages.answered(
                        new AnswerAssistedBallot.Answer(result, null, null, "a reason"), language);
                said.add(a.title());
                said.add(a.heading());
                said.add(a.message());
            }
            said.add(AssistedBallotPages.refused("cross-site", language).message());
            said.add(AssistedBallotPages.refused("choose", language).message());
            for (AssistedBallots.State state : AssistedBallots.State.values()) {
                said.add(AssistedSteps.state(state, language));
            }
            VotingRules rules = VotingRules.of(CycleSettings.defaults(), "OH-11", Instant.now(), language);
            said.add(rules.policyName());
            said.add(rules.methodName());
            for (String sentence : said) {
                assertThat(sentence).as(language + ": " + sentence).doesNotContain("{{");
                assertThat(RAW_KEY.matcher(sentence).find()).as(sentence).isFalse();
            }
        }
        assertThat(BallotPages.chainSummary(new Receipts.Publication("OH-11-1", "h", 2, 1), Language.EN))
                .isEqualTo("The chain holds 2 receipts; 1 ballot was counted. A member who voted again has a receipt"
                        + " for each ballot; only the last one counts.");
        assertThat(BallotPages.chainSummary(new Receipts.Publication("OH-11-1", "h", 2, 1), Language.ES))
                .isEqualTo("La cadena contiene 2 recibos; se contó 1 papeleta. Un miembro que volvió a votar tiene un"
                        + " recibo por cada papeleta; solo cuenta la última.");
        assertThat(BallotProblems.stored("ballot", Language.ES)).startsWith("Tu papeleta está guardada");
        assertThat(AssistedSteps.state(AssistedBallots.State.PENDING, Language.ES))
                .isEqualTo("pendiente de tu respuesta");
    }
}
