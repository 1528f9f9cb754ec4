package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "We both confirmed that we know each other" and finding people by name (issue #21, item 4), through the
 * whole app: a member finds only the people of their group who let them, asks, the other confirms on
 * their own page, and the two may then name each other; who named me shows the names of those who allow
 * it. Forged forms (someone not findable, another group, no ask) are refused with a sentence and change
 * nothing; every change is audited; member numbers never show as text.
 */
class KnowEachOtherTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @BeforeEach
    void freshLimits() {
        jdbc.sql("delete from member_sign_in").update();
    }

    @Test
    void aMemberFindsAsksIsConfirmedAndNamesTheOtherWhoSeesTheirNameIfAllowed() throws Exception {
        long ana = members.join("WA-03", "Ana Asker", "ana.asker@example.org", null);
        long bo = members.join("WA-03", "Bo Findable", "bo.findable@example.org", null);
        long cy = members.join("WA-03", "Bo Hidden", "cy.hidden@example.org", null);
        MemberBrowser anaBrowser = new MemberBrowser(base(), jdbc).signIn("ana.asker@example.org");
        MemberBrowser boBrowser = new MemberBrowser(base(), jdbc).signIn("bo.findable@example.org");

        // by default only the people one is connected to find one: nobody yet
        assertThat(search(anaBrowser, "Bo").body()).contains("Nobody of your group with that name lets you find them");
        HttpResponse<String> open = boBrowser.form("/me/privacy", Map.of("findable", "GROUP"));
        assertThat(open.statusCode()).isEqualTo(303);
        assertThat(boBrowser.get("/me").body())
                .contains("id=\"findable-group\" name=\"findable\" value=\"GROUP\" checked");
        HttpResponse<String> found = search(anaBrowser, "bo f");
        assertThat(found.body())
                .contains("Bo Findable", "Ask: we know each other")
                .doesNotContain("Bo Hidden");
        String list = found.body()
                .substring(
                        found.body().indexOf("<ul class=\"found\">"),
                        found.body().indexOf("</ul>"));
        assertThat(list.replaceAll("<[^>]*>", " "))
                .as("member numbers never show as text, only in hidden fields")
                .doesNotContainPattern("(?<!\\d)" + bo + "(?!\\d)");

        HttpResponse<String> asked =
                anaBrowser.form("/me/proxies/ask", Map.of("person", Long.toString(bo), "q", "bo f"));
        assertThat(asked.statusCode()).isEqualTo(303);
        assertThat(asked.headers().firstValue("Location").orElseThrow()).contains("saved=asked");
        assertThat(search(anaBrowser, "bo f").body()).contains("asked, waiting for their answer");
        assertThat(anaBrowser.get("/me/proxies").body())
                .as("not connected before the answer")
                .doesNotContain("<label for=\"share_1\">Bo Findable</label>");

        String boPage = boBrowser.get("/me/proxies").body();
        assertThat(boPage).contains("Ana Asker asks you to confirm that you know each other.");
        assertThat(boBrowser.get("/me/proxies?lang=es").body())
                .contains("Ana Asker te pide confirmar que os conocéis.");
        HttpResponse<String> confirmed = boBrowser.form("/me/proxies/confirm", Map.of("person", Long.toString(ana)));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(boBrowser.get("/me/proxies").body()).contains("<label for=\"share_1\">Ana Asker</label>");
        assertThat(anaBrowser.get("/me/proxies").body()).contains("<label for=\"share_1\">Bo Findable</label>");

        HttpResponse<String> named =
                anaBrowser.form("/me/proxies", Map.of("person_1", Long.toString(bo), "share_1", "10"));
        assertThat(named.statusCode()).isEqualTo(303);
        assertThat(boBrowser.get("/me/proxies").body())
                .contains("1 member(s) of your group named you", "Some of them keep their name to themselves")
                .doesNotContain("id=\"named-me-names\"");
        assertThat(anaBrowser
                        .form("/me/privacy", Map.of("findable", "NOBODY", "showName", "yes"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(boBrowser.get("/me/proxies").body())
                .contains("id=\"named-me-names\">Among them, those who show you their name: Ana Asker</p>");

        assertThat(audited(ana))
                .contains("member.acquaintance.asked", "member.privacy.changed", "member.proxies.named");
        assertThat(audited(bo)).contains("member.privacy.changed", "member.acquaintance.confirmed");
        assertThat(cy).isPositive();
    }

    @Test
    void someoneNotFindableInAnotherGroupOrWithoutAnAskIsRefusedWithASentence() throws Exception {
        long dee = members.join("WA-04", "Dee Doubt", "dee.doubt@example.org", null);
        long eve = members.join("WA-04", "Eve Private", "eve.private@example.org", null);
        long fox = members.join("WA-05", "Fox Elsewhere", "fox.elsewhere@example.org", null);
        MemberBrowser deeBrowser = new MemberBrowser(base(), jdbc).signIn("dee.doubt@example.org");
        MemberBrowser foxBrowser = new MemberBrowser(base(), jdbc).signIn("fox.elsewhere@example.org");
        assertThat(foxBrowser.form("/me/privacy", Map.of("findable", "GROUP")).statusCode())
                .isEqualTo(303);

        for (String person : List.of(Long.toString(eve), Long.toString(fox), "not-a-number", Long.toString(dee))) {
            HttpResponse<String> refused = deeBrowser.form("/me/proxies/ask", Map.of("person", person, "q", "e"));
            assertThat(refused.statusCode()).as(person).isEqualTo(400);
            assertThat(refused.body())
                    .as(person)
                    .contains("id=\"search-error\">You can only ask members of your group who let you find them.");
        }
        HttpResponse<String> noAsk = deeBrowser.form("/me/proxies/confirm", Map.of("person", Long.toString(eve)));
        assertThat(noAsk.statusCode()).isEqualTo(400);
        assertThat(noAsk.body()).contains("id=\"asks-error\">This person has not asked you");
        HttpResponse<String> badChoice = deeBrowser.form("/me/privacy", Map.of("findable", "EVERYONE"));
        assertThat(badChoice.statusCode()).isEqualTo(400);
        assertThat(badChoice.body()).contains("id=\"privacy-error\">Choose one of the three answers.");
        assertThat(jdbc.sql("select count(*) from acquaintance where asker_id = ? or asked_id = ?")
                        .params(dee, dee)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select findable from member where id = ?")
                        .param(dee)
                        .query(String.class)
                        .single())
                .isEqualTo("CONNECTED");
        HttpResponse<String> noKey = deeBrowser.post("/me/proxies/ask", Map.of("person", Long.toString(fox), "q", "f"));
        assertThat(noKey.statusCode()).as("the session's form key is needed").isEqualTo(403);
    }

    private static HttpResponse<String> search(MemberBrowser browser, String text) throws Exception {
        return browser.get("/me/proxies?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    private List<String> audited(long member) {
        return jdbc.sql("select action from audit_log where target = ? and outcome = 'DONE' order by id")
                .param(Long.toString(member))
                .query(String.class)
                .list();
    }
}
