package org.primarypipeline.console.supporters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.supporters.JoinFormModels.Choice;
import org.primarypipeline.console.supporters.JoinFormModels.Errors;
import org.primarypipeline.console.supporters.MemberHomeModels.Address;
import org.primarypipeline.console.supporters.MemberHomeModels.Contact;
import org.primarypipeline.console.supporters.MemberHomeModels.GroupBox;
import org.primarypipeline.console.supporters.MemberHomeModels.InviteRow;
import org.primarypipeline.console.supporters.MemberHomeModels.RoundBox;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;

/**
 * Each members' page (join, sign-in, home) rendered from sample data in English and in Spanish: no key
 * is left unresolved, no field of a sentence is left empty, and the words differ by language.
 */
class MemberPagesInBothLanguagesTest {

    /** A bundle key left in the page: PageTexts answers the key itself when neither language has it. */
    private static final Pattern RAW_KEY =
            Pattern.compile("\\b(join|me|signin|layout|trust)\\.[a-z][a-zA-Z.-]+[a-zA-Z]\\b");

    /** Sample data for every template of {@code public/members/}: each page with every part shown. */
    static Map<String, PublicPage> samples() {
        Map<String, PublicPage> pages = new LinkedHashMap<>();
        pages.put(
                "join",
                new JoinFormModels.Form(
                        "Join",
                        "Ana Ruiz",
                        "ana@",
                        "",
                        "1 Main St",
                        "98004",
                        true,
                        false,
                        false,
                        List.of(
                                new Choice("WA-01", "district-WA-01", false),
                                new Choice("WA-09", "district-WA-09", true)),
                        new Errors("n", "e", "p", "s", "z", "d", "t"),
                        12L));
        pages.put("join-sent", new JoinFormModels.Sent("Sent", "ana@example.org", false, "VT-AL", 168));
        pages.put("sign-in", new SignInPageModels.Ask("Sign in", "ana@", "wrong", true, 20L));
        pages.put("sign-in-sent", new SignInPageModels.Sent("Sent", "ana@example.org", 15));
        pages.put("sign-in-open", new SignInPageModels.Open("Sign in", "/me/sign-in/SAMPLE"));
        pages.put("sign-in-problem", new SignInPageModels.LinkProblem("Problem", false, true, false));
        pages.put(
                "home",
                new MemberHomeModels.Home(
                        "Home",
                        "FORMKEY",
                        "Ana Ruiz",
                        "Saved.",
                        new GroupBox("VT-AL", "Dec 1, 2026", 42, "ada, bob"),
                        List.of(new RoundBox(
                                "VT-AL-2026-1",
                                "Voting is open",
                                "Dec 1, 2026",
                                "Dec 9, 2026 18:00",
                                "/nominate/VT-AL-2026-1",
                                true,
                                "ana@example.org",
                                "/ballot/VT-AL-2026-1/check",
                                "/results/VT-AL-2026-1")),
                        false,
                        "Bea Lopez",
                        List.of(new InviteRow("Carl", "Joined", "Nov 30, 2026")),
                        new Contact("ana@example.org", "", true, false, "e", "p"),
                        false,
                        new Address(
                                "1 Main St",
                                "98004",
                                "s",
                                "z",
                                List.of(new MemberHomeModels.Choice("WA-01", "district-WA-01")),
                                "WA-01"),
                        new org.primarypipeline.console.campaigns.MemberSharing.Box(
                                "Links you share carry your code, AB3DEFGH.",
                                List.of(new org.primarypipeline.console.campaigns.MemberSharing.Link(
                                        "Jo Park",
                                        "/me/share?cycle=VT-AL-1",
                                        "https://pp.example.org/c/VT-AL-1?r=AB3DEFGH")),
                                2,
                                1,
                                1,
                                "$25"),
                        new MemberHomeModels.Privacy(false, true, false, true, "f")));
        pages.put("leave", new MemberHomeModels.Leave("Leave", "FORMKEY", "VT-AL"));
        pages.put(
                "proxies",
                new TrustPageModels.Trust(
                        "Trust",
                        "FORMKEY",
                        "Saved.",
                        List.of(
                                new TrustPageModels.Row(1, 11L, "Bea Lopez", "6", null),
                                new TrustPageModels.Row(2, 12L, "Carl Diaz", "x", "w")),
                        "p",
                        "s",
                        3,
                        List.of(new TrustPageModels.FlowRow("VT-AL-2026-1", 20)),
                        new TrustPageModels.Finding(
                                "Da",
                                List.of(
                                        new TrustPageModels.FoundRow(13L, "Dan Diaz", false, false, false),
                                        new TrustPageModels.FoundRow(14L, "Dana Ito", false, false, true),
                                        new TrustPageModels.FoundRow(15L, "Dario Paz", true, false, false),
                                        new TrustPageModels.FoundRow(16L, "Dax Roe", false, true, false)),
                                "q"),
                        List.of(new TrustPageModels.Person(17L, "Eva Sol")),
                        "a",
                        List.of(new TrustPageModels.Person(16L, "Dax Roe")),
                        List.of("Bea Lopez")));
        return pages;
    }

    @Test
    void everyPageRendersInEnglishAndInSpanishWithNoKeyLeft() {
        for (Map.Entry<String, PublicPage> page : samples().entrySet()) {
            String en = PublicPageView.html("members/" + page.getKey(), page.getValue(), Language.EN);
            String es = PublicPageView.html("members/" + page.getKey(), page.getValue(), Language.ES);
            for (String html : List.of(en, es)) {
                assertThat(RAW_KEY.matcher(html).results().map(m -> m.group()).toList())
                        .as("keys left in %s", page.getKey())
                        .isEmpty();
                assertThat(html).as(page.getKey()).doesNotContain("{{", "<script");
            }
            assertThat(en).as(page.getKey()).contains("<html lang=\"en\">");
            assertThat(es).as(page.getKey()).contains("<html lang=\"es\">");
            assertThat(en)
                    .as("%s is worded differently in Spanish", page.getKey())
                    .isNotEqualTo(es.replace("lang=\"es\"", "lang=\"en\""));
        }
    }

    @Test
    void theSentencesNameTheirFieldsInBothLanguages() {
        Map<String, PublicPage> pages = samples();
        assertThat(PublicPageView.html("members/join-sent", pages.get("join-sent"), Language.ES))
                .contains("ana@example.org", "168 horas", "VT-AL");
        assertThat(PublicPageView.html("members/home", pages.get("home"), Language.ES))
                .contains("Hola, Ana Ruiz", "Miembros del grupo: 42.", "Bea Lopez", "/results/VT-AL-2026-1");
        assertThat(PublicPageView.html("members/home", pages.get("home"), Language.EN))
                .contains("Hello, Ana Ruiz", "Members in the group: 42.", "Bea Lopez invited you.");
        assertThat(PublicPageView.html("members/proxies", pages.get("proxies"), Language.EN))
                .contains("<label for=\"share_1\">Bea Lopez</label>", "3 member(s) of your group named you");
        assertThat(PublicPageView.html("members/proxies", pages.get("proxies"), Language.ES))
                .contains("3 miembro(s) de tu grupo te nombraron");
    }
}
