package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.voting.RoundMessages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #21's acceptance walk, in Debian's Chromium on the app as the tests start it with nothing
 * configured (its own mail server, read by staff on the Mailbox page): a new member joins at
 * {@code /join}, confirms by the mailed link, signs in by a one-time link, finds two people they know by
 * name in their group, asks them, and once they confirm that they know each other names them as proxies, receives the call for nominations, the ballot link and the reminder
 * ({@code pp.vote.reminder-before} ahead of the close) while staff steer a cycle in WA-02 through its
 * stages, votes, and reads the public result, where they check their receipt. Every member page is
 * checked at 390 px and on a laptop (nothing sticks out, every control labelled, AA contrast, every
 * control reached by Tab with its focus shown) and kept as a screenshot in
 * {@code target/screenshots/member-journey-*.png}.
 */
class MemberJourneyBrowserTest extends LocalMailboxApp {

    static final String DISTRICT = "WA-02";
    static final String NIA = "nia.newcomer@example.org";
    static final String OLU = "olu.neighbour@example.org";
    static final String PAT = "pat.colleague@example.org";

    @Autowired
    MemberRepository members;

    @Autowired
    RoundMessages roundMessages;

    private final ObjectMapper json = new ObjectMapper();
    private Browser browser;
    private WebDriver driver;
    private int step;

    @Test
    void aNewMemberJoinsSignsInNamesProxiesIsCalledRemindedVotesAndChecksTheResult() throws Exception {
        // two people Nia knows are already members of the group
        long olu = members.join(DISTRICT, "Olu Neighbour", OLU, null);
        long pat = members.join(DISTRICT, "Pat Colleague", PAT, null);
        LocalMailbox mailbox = new LocalMailbox(base(), "alice", password("alice"));
        ConsoleHttp staff = new ConsoleHttp(base());
        try (Browser started = Browser.start()) {
            browser = started;
            driver = started.driver;
            driver.manage().window().setSize(Browser.PHONE);

            // join, by keyboard alone
            driver.get(base() + "/join");
            check("join");
            tabTo(el -> "fullName".equals(el.getAttribute("id"))).sendKeys("Nia Newcomer");
            tabTo(el -> "email".equals(el.getAttribute("id"))).sendKeys(NIA);
            tabTo(el -> "zip".equals(el.getAttribute("id"))).sendKeys("98207");
            tabTo(el -> "emailOk".equals(el.getAttribute("id"))).sendKeys(Keys.SPACE);
            submitBy(() -> tabTo(el -> "button".equals(el.getTagName())).sendKeys(Keys.ENTER));
            assertThat(text("main")).contains(NIA);
            check("join-sent");

            // confirm by the link in the mail
            LocalMailbox.Mail confirm = mailbox.mail(NIA, "Confirm that you want to join the " + DISTRICT + " group");
            driver.get(base() + confirm.link("/join/confirm/"));
            check("confirm");
            submitBy(
                    () -> driver.findElement(By.cssSelector("main form button")).click());
            assertThat(text("main")).contains(DISTRICT);
            check("confirmed");
            long nia = memberId(NIA);

            // sign in by a one-time link, by keyboard alone
            driver.get(base() + "/me/sign-in");
            check("sign-in");
            submitBy(() -> tabTo(el -> "address".equals(el.getAttribute("id"))).sendKeys(NIA, Keys.ENTER));
            check("sign-in-sent");
            driver.get(base() + mailbox.mail(NIA, "Your link to sign in").link("/me/sign-in/"));
            check("sign-in-open");
            submitBy(
                    () -> driver.findElement(By.cssSelector("main form button")).click());
            assertThat(driver.getCurrentUrl()).endsWith("/me");
            assertThat(text("h1")).isEqualTo("Hello, Nia Newcomer");
            check("home");

            // two people I know: found by name in my group (they let the group find them), asked, and they
            // confirm on their own page that we know each other; then named by name, shares typed by keyboard
            MemberBrowser oluAtHome = findableByTheGroup(mailbox, OLU);
            MemberBrowser patAtHome = findableByTheGroup(mailbox, PAT);
            submitBy(() ->
                    driver.findElement(By.cssSelector("a[href='/me/proxies']")).click());
            check("proxies-nobody-yet");
            for (String name : List.of("Olu", "Pat")) {
                submitBy(() -> tabTo(el -> "q".equals(el.getAttribute("id"))).sendKeys(name, Keys.ENTER));
                if (name.equals("Olu")) {
                    check("proxies-found");
                }
                submitBy(() -> tabTo(el ->
                                "button".equals(el.getTagName()) && el.getText().equals("Ask: we know each other"))
                        .sendKeys(Keys.ENTER));
                assertThat(text("main")).contains("Your question is sent");
            }
            check("proxies-asked");
            for (MemberBrowser friend : List.of(oluAtHome, patAtHome)) {
                assertThat(friend.get("/me/proxies").body())
                        .contains("Nia Newcomer asks you to confirm that you know each other.");
                assertThat(friend.form("/me/proxies/confirm", java.util.Map.of("person", Long.toString(nia)))
                                .statusCode())
                        .isEqualTo(303);
            }
            driver.navigate().refresh();
            check("proxies");
            assertThat(text("main"))
                    .as("member numbers never appear")
                    .doesNotContainPattern("(?<!\\d)" + olu + "(?!\\d)")
                    .doesNotContainPattern("(?<!\\d)" + pat + "(?!\\d)");
            tabTo(labelled("Olu Neighbour")).sendKeys("6");
            submitBy(() -> tabTo(labelled("Pat Colleague")).sendKeys("4", Keys.ENTER));
            assertThat(jdbc.sql("select proxy_member_id || ':' || units from proxy_assignment"
                                    + " where member_id = ? and cycle_id is null order by position")
                            .param(nia)
                            .query(String.class)
                            .list())
                    .containsExactly(olu + ":6", pat + ":4");
            check("proxies-saved");

            // staff launch a round in the group: its voting window closes just after the reminder is due
            Duration remindBefore = roundMessages.reminderBefore();
            String cycle = launch(staff, remindBefore.plusSeconds(40));
            close(staff, cycle, "NOMINATION_WINDOW");
            driver.get(base()
                    + mailbox.mail(NIA, "Nominations are open in " + DISTRICT).link("/nominate/"));
            check("call-for-nominations-form");
            long ana = candidate(staff, cycle, "Ana Ortiz", "ana.ortiz@example.org");
            long ben = candidate(staff, cycle, "Ben Carter", "ben.carter@example.org");
            close(staff, cycle, "VOTING_ROUND");

            LocalMailbox.Mail ballot = mailbox.mail(NIA, "Your ballot for " + DISTRICT);
            assertThat(ballot.link("/ballot/")).isNotBlank();
            LocalMailbox.Mail reminder = mailbox.mail(NIA, "Reminder: voting in " + DISTRICT, Duration.ofSeconds(120));
            assertThat(reminder.number()).isGreaterThan(ballot.number());
            // Olu votes from his own link; Nia votes from her reminder's, ranking by keyboard
            BallotVoter.openLink(
                            base(),
                            cycle,
                            olu,
                            base()
                                    + mailbox.mail(OLU, "Your ballot for " + DISTRICT)
                                            .link("/ballot/"))
                    .rank(List.of(ana));
            driver.get(base() + reminder.link("/ballot/"));
            check("ballot-open");
            submitBy(
                    () -> driver.findElement(By.cssSelector("main form button")).click());
            check("ballot");
            tabTo(el -> ("rank_" + ana).equals(el.getAttribute("name"))).sendKeys("1");
            tabTo(el -> ("rank_" + ben).equals(el.getAttribute("name"))).sendKeys("2");
            submitBy(() -> tabTo(el -> "button".equals(el.getTagName())).sendKeys(Keys.ENTER));
            String receipt =
                    driver.findElement(By.cssSelector("main .box code")).getText();
            assertThat(receipt).isNotBlank();
            check("ballot-stored");

            // the count, two staff certify, the result comes by mail with the public results page
            close(staff, cycle, "CERTIFICATION");
            for (String user : List.of("alice", "bob")) {
                HttpResponse<String> certified = staff.api("POST", "/api/cycles/" + cycle + "/certify", user, "{}");
                assertThat(certified.statusCode()).as(certified.body()).isEqualTo(200);
            }
            LocalMailbox.Mail result = mailbox.mail(NIA, DISTRICT + " has chosen Ana Ortiz");
            driver.get(base() + result.link("/results/" + cycle));
            assertThat(text("main")).contains("Ana Ortiz").doesNotContain("Nia Newcomer");
            check("results");
            tabTo(el -> "receipt".equals(el.getAttribute("id"))).sendKeys(receipt);
            submitBy(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));
            assertThat(text("main")).contains("counted");
            check("receipt-checked");
        }
    }

    /**
     * The page at 390 px and on a laptop: nothing sticks out, every control labelled, every text readable,
     * every control reached by Tab with its focus shown; a screenshot of each.
     */
    private void check(String page) throws Exception {
        String name = String.format("member-journey-%02d-%s", ++step, page);
        for (var size : List.of(Browser.PHONE, Browser.LAPTOP)) {
            driver.manage().window().setSize(size);
            String label = name + (size == Browser.PHONE ? "-phone" : "-desktop");
            assertThat(browser.overflowingElements()).as(label).isEmpty();
            assertThat(browser.accessibilityProblems()).as(label).isEmpty();
            assertThat(browser.keyboardProblems()).as(label).isEmpty();
            browser.screenshot(label);
        }
        driver.manage().window().setSize(Browser.PHONE);
        driver.switchTo().activeElement();
        browser.js("if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);");
    }

    /** Presses Tab until the focused control is the one wanted (from where the focus is), and returns it. */
    private WebElement tabTo(Predicate<WebElement> wanted) {
        Actions keys = new Actions(driver);
        for (int i = 0; i < 60; i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("not reached by Tab on " + driver.getCurrentUrl());
    }

    /** The field a label with this text names. */
    private Predicate<WebElement> labelled(String labelText) {
        String id = driver.findElements(By.tagName("label")).stream()
                .filter(l -> l.getText().trim().equals(labelText))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no label " + labelText))
                .getAttribute("for");
        return el -> id.equals(el.getAttribute("id"));
    }

    /**
     * Does what sends a form or follows a link, and waits for the next page to replace this one (a click
     * returns before the browser has left the page; reading right after it reads the old page).
     */
    private void submitBy(ThrowingRunnable action) throws Exception {
        WebElement old = driver.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(old));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.tagName("main")).isEmpty());
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private long memberId(String email) {
        return jdbc.sql("select id from member where email = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    /** A member signs in by the link in their mail and lets every member of their group find them. */
    private MemberBrowser findableByTheGroup(LocalMailbox mailbox, String email) throws Exception {
        MemberBrowser member = new MemberBrowser(base(), jdbc);
        assertThat(member.askForLink(email).statusCode()).isEqualTo(200);
        member.signInByLink(mailbox.mail(email, "Your link to sign in").link("/me/sign-in/"));
        assertThat(member.form("/me/privacy", java.util.Map.of("findable", "GROUP"))
                        .statusCode())
                .isEqualTo(303);
        return member;
    }

    private String launch(ConsoleHttp staff, Duration voting) throws Exception {
        HttpResponse<String> launched = staff.api(
                "POST",
                "/api/cycles",
                "alice",
                "{\"district\":\"" + DISTRICT + "\",\"vettingPeriod\":\"1h\",\"nominationPeriod\":\"1h\","
                        + "\"votingPeriod\":\"" + voting + "\",\"quorum\":0.2}");
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        String cycle = json.readTree(launched.body()).path("id").asText();
        awaitStarted(cycle);
        return cycle;
    }

    /** Closes the open window early, as staff do, and waits for the cycle to reach {@code next}. */
    private void close(ConsoleHttp staff, String cycle, String next) throws Exception {
        HttpResponse<String> closed = staff.api("POST", "/api/cycles/" + cycle + "/close", "alice", "{}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90)).until(() -> next.equals(stageOf(cycle)));
    }

    /** A nominee entered by staff, their pledge signed and their vetting approved. */
    private long candidate(ConsoleHttp staff, String cycle, String name, String email) throws Exception {
        HttpResponse<String> nominated = staff.api(
                "POST",
                "/api/cycles/" + cycle + "/nominations",
                "alice",
                "{\"nomineeName\":\"" + name + "\",\"nomineeEmail\":\"" + email
                        + "\",\"dateOfBirth\":\"1980-04-02\",\"citizenYears\":\"40\",\"inhabitant\":\"yes\"}");
        assertThat(nominated.statusCode()).as(nominated.body()).isEqualTo(201);
        long id = json.readTree(nominated.body()).path("candidacyId").asLong();
        HttpResponse<String> signed = staff.api(
                "POST",
                "/api/cycles/" + cycle + "/candidacies/" + id + "/pledge",
                "alice",
                "{\"typedName\":\"" + name + "\"}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        HttpResponse<String> approved = staff.api(
                "POST",
                "/api/cycles/" + cycle + "/review",
                "alice",
                "{\"candidacyId\":" + id + ",\"verdict\":\"APPROVE\",\"checklist\":{\"referencesContacted\":true,"
                        + "\"publicRecordChecked\":true,\"fecFilingsLookedUp\":true}}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return id;
    }
}
