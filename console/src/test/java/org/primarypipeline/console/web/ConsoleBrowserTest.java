package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.primarypipeline.console.supporters.ParticipationService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console in a real browser, as staff use it: sign in, launch a cycle, approve vetting, watch the
 * stage change live, certify with two accounts, see the round-by-round chart; finance and auditors
 * read but cannot act; admins add accounts; the pages fit a phone. Members' own steps (signing the
 * pledge, joining, voting) go through the real participation and ballot services (voting as the
 * member's own ballot page does), since their pages are not the console's. Screenshots of each page land in target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest extends ConsoleTestSupport {

    static final String CYCLE = "TX-07-1";

    @Autowired
    ParticipationService participation;

    @Autowired
    org.primarypipeline.supporters.MemberRepository memberRepository;

    @Autowired
    org.primarypipeline.console.voting.BallotService ballots;

    Browser browser;
    WebDriver driver;

    @BeforeAll
    void openBrowser() throws Exception {
        browser = Browser.start();
        driver = browser.driver;
    }

    @AfterAll
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void signingInRefusesAWrongPasswordAndWorksFromTheKeyboard() throws Exception {
        driver.get(base() + "/cycles");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        browser.screenshot("login");
        assertThat(browser.accessibilityProblems()).isEmpty();
        signIn("alice", "not-the-password");
        assertThat(text("#login-problem")).contains("do not match");

        // keyboard only: the name field has focus, Tab moves to the password, Enter submits
        WebElement name = driver.switchTo().activeElement();
        assertThat(name.getAttribute("id")).isEqualTo("username");
        name.sendKeys("alice", Keys.TAB);
        driver.switchTo().activeElement().sendKeys(password("alice"), Keys.ENTER);
        // back to the page first asked for, without Spring Security's ?continue mark (issue #19)
        waitFor(d -> d.getCurrentUrl().contains("/cycles"));
        assertThat(driver.getCurrentUrl()).doesNotContain("continue");
        assertThat(text("h1")).isEqualTo("Cycles");

        driver.get(base() + "/");
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        assertThat(text("#stage-counts")).contains("Pledge vetting", "Certification");
        assertThat(browser.accessibilityProblems()).isEmpty();
    }

    @Test
    @Order(2)
    void staffLaunchACycleApproveVettingWatchTheStageAndCertifyWithTwoAccounts() throws Exception {
        signOutIfNeeded();
        signIn("alice", password("alice"));

        driver.get(base() + "/districts");
        waitFor(d -> !d.findElements(By.id("f-state")).isEmpty());
        new Select(driver.findElement(By.id("f-state"))).selectByValue("TX");
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().contains("state=TX"));
        List<WebElement> districts = driver.findElements(By.cssSelector("#districts tbody th[scope=row]"));
        assertThat(districts).isNotEmpty().allMatch(th -> th.getText().startsWith("TX-"));
        // the prioritize job ran on the first start; the page reads its ranking
        assertThat(text("#ranking-source")).startsWith("Ranked by prioritization run #");
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.screenshot("districts");
        driver.get(base() + "/districts?state=TX&q=TX-07");
        driver.findElement(By.cssSelector("a[aria-label='Launch a cycle in TX-07']"))
                .click();
        waitFor(d -> d.getCurrentUrl().endsWith("/districts/TX-07/launch"));

        // a bad period is refused with the reason, the field marked, and nothing launched
        fill("votingPeriod", "soon");
        driver.findElement(By.id("launch-submit")).click();
        waitFor(d -> !d.findElements(By.id("launch-error")).isEmpty());
        assertThat(text("#launch-error")).contains("not a duration");
        assertThat(driver.findElement(By.id("votingPeriod")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(jdbc.sql("select count(*) from cycle where district_id = 'TX-07'")
                        .query(Integer.class)
                        .single())
                .isZero();
        browser.screenshot("launch-refused");

        fill("vettingPeriod", "1h");
        fill("nominationPeriod", "1h");
        fill("votingPeriod", "1h");
        fill("quorumPercent", "20");
        waitFor(d -> text("#schedule").contains("Voting round (1 h 0 min)"));
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.screenshot("launch");
        driver.findElement(By.id("launch-submit")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/cycles/" + CYCLE));
        assertThat(text("#flash")).startsWith("Launched " + CYCLE);

        // the sitting member is invited by the workflow, then signs the pledge on their own page
        await().atMost(Duration.ofSeconds(60)).until(() -> candidacy("SITTING_MEMBER") != null);
        long sitting = candidacy("SITTING_MEMBER");
        participation.signPledge(CYCLE, sitting, "Lizzie Fletcher", "127.0.0.1", "test");
        driver.navigate().refresh();
        assertThat(text("#candidacy-" + sitting + " .vetting")).contains("pledge signed, awaiting review");
        tickChecklist(sitting);
        driver.findElement(By.cssSelector("#candidacy-" + sitting + " button.approve"))
                .click();
        waitFor(d -> text("#flash").toLowerCase().contains("approve candidacy " + sitting));
        assertThat(text("#candidacy-" + sitting + " .vetting")).contains("approved, on the ballot");
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.screenshot("cycle-vetting");

        fill("close-reason", "sitting member vetted");
        driver.findElement(By.id("close-button")).click();
        driver.switchTo().alert().accept(); // the action asks first
        waitFor(d -> text("#flash").contains("closed"));
        // no reload by the test: the live panel polls and redraws the page when the stage moves on
        waitFor(d -> text("#live-stage").equals("Nomination window"));

        var eligible = org.primarypipeline.nominations.Eligibility.parse("1980-04-02", "40", "yes");
        long ana = participation.nominate(CYCLE, "Ana Ortiz", "ana@example.org", null, eligible);
        long ben = participation.nominate(CYCLE, "Ben Carter", "ben@example.org", null, eligible);
        participation.signPledge(CYCLE, ana, "Ana Ortiz", "127.0.0.1", "test");
        participation.signPledge(CYCLE, ben, "Ben Carter", "127.0.0.1", "test");
        driver.navigate().refresh();
        for (long nominee : List.of(ana, ben)) {
            tickChecklist(nominee);
            driver.findElement(By.cssSelector("#candidacy-" + nominee + " button.approve"))
                    .click();
            waitFor(d -> text("#flash").toLowerCase().contains("approve candidacy " + nominee));
        }
        long[] members = new long[5];
        for (int i = 0; i < members.length; i++) {
            // confirmed members (the link followed), as staff would enter them
            members[i] = memberRepository.join("TX-07", "Member " + i, "tx07-member" + i + "@example.org", null);
        }
        driver.findElement(By.id("close-button")).click();
        driver.switchTo().alert().accept(); // the action asks first
        waitFor(d -> text("#live-stage").equals("Voting round"));
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.sql("select count(*) from cycle_event where cycle_id = ? and kind = 'ELECTORATE_FROZEN'")
                                        .param(CYCLE)
                                        .query(Integer.class)
                                        .single()
                                == 1);

        // round 1: Ana 20, Ben 20, Lizzie 10; Lizzie's voter moves to Ana in round 2: Ana 30, Ben 20
        ballots.cast(CYCLE, members[0], List.of(ana, sitting));
        ballots.cast(CYCLE, members[1], List.of(ana));
        ballots.cast(CYCLE, members[2], List.of(sitting, ana));
        ballots.cast(CYCLE, members[3], List.of(ben, sitting));
        ballots.cast(CYCLE, members[4], List.of(ben, ana));
        driver.get(base() + "/");
        // the context is shared with other tests: only this cycle's line is ours to count on
        assertThat(driver.findElements(By.cssSelector("#due li")).stream().map(WebElement::getText))
                .as("the dashboard's deadlines list this cycle in its voting round")
                .anyMatch(line -> line.startsWith(CYCLE + " · Voting round closes"));
        browser.screenshot("dashboard");
        driver.get(base() + "/cycles/" + CYCLE);
        assertThat(text("#turnout")).contains("5 ballots from an electorate of 5");
        waitFor(d ->
                Boolean.TRUE.equals(browser.js("return !!Chart.getChart(document.getElementById('turnout-chart'));")));
        browser.screenshot("cycle-voting");

        driver.findElement(By.id("close-button")).click();
        driver.switchTo().alert().accept(); // the action asks first
        waitFor(d -> text("#live-stage").equals("Certification"));
        waitFor(d ->
                Boolean.TRUE.equals(browser.js("return !!Chart.getChart(document.getElementById('rounds-chart'));")));
        assertThat(((Number) browser.js(
                                "return Chart.getChart(document.getElementById('rounds-chart')).data.labels.length;"))
                        .intValue())
                .isEqualTo(2);
        assertThat(((Number) browser.js(
                                "return Chart.getChart(document.getElementById('rounds-chart')).data.datasets.length;"))
                        .intValue())
                .isEqualTo(4);
        assertThat(text("#result-winner")).isEqualTo("Ana Ortiz");
        assertThat(text("#rounds-table")).contains("Round 2", "(+10)");
        assertThat(browser.accessibilityProblems()).isEmpty();

        driver.findElement(By.id("recount-button")).click();
        waitFor(d -> text("#flash").startsWith("Recount matches"));
        assertThat(text("#recount")).contains("recount matches", "started by alice");
        browser.screenshot("cycle-result");

        driver.findElement(By.id("certify-button")).click();
        driver.switchTo().alert().accept(); // the action asks first
        waitFor(d -> text("#flash").toLowerCase().contains("approval 1 of 2"));
        assertThat(text("#live-approvals")).contains("1 of 2", "alice");
        driver.findElement(By.id("certify-button")).click();
        driver.switchTo().alert().accept(); // the action asks first
        waitFor(d -> text("#flash").startsWith("Refused: alice has already approved"));
        driver.get(base() + "/");
        assertThat(text("#main")).as("the dashboard counts the approval").contains(CYCLE + ": 1 of 2 approvals");

        signOutIfNeeded();
        signIn("bob", password("bob"));
        // the button shows once the sign-in has landed and no recount holds certification back
        waitFor(d -> {
            d.get(base() + "/cycles/" + CYCLE);
            return !d.findElements(By.id("certify-button")).isEmpty();
        });
        driver.findElement(By.id("certify-button")).click();
        driver.switchTo().alert().accept(); // the action asks first
        waitFor(d -> text("#flash").equals("Certified"));
        waitFor(d -> {
            d.navigate().refresh();
            return !d.findElements(By.id("fundraiser-status")).isEmpty()
                    && text("#fundraiser-status").equals("launched");
        });
        waitFor(d -> {
            d.navigate().refresh();
            return text("#live-status").equals("completed");
        });
        assertThat(driver.findElements(By.id("certify-button"))).isEmpty();
        browser.screenshot("cycle-certified");

        driver.get(base() + "/audit?action=cycle.certify");
        List<String> rows = driver.findElements(By.cssSelector("#audit-table tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).contains("bob", "cycle.certify", CYCLE, "done");
        assertThat(rows.get(1)).contains("alice", "refused", "already approved");
        assertThat(rows.get(2)).contains("alice", "done");
        assertThat(browser.accessibilityProblems()).isEmpty();
        driver.findElement(By.cssSelector("#audit-table tbody tr:first-child summary"))
                .click();
        assertThat(text("#audit-table tbody tr:first-child details")).contains("Before", "After", "\"certifiedBy\"");
        browser.screenshot("audit");
        driver.get(base() + "/cycles?status=COMPLETED");
        assertThat(text("#cycles")).contains(CYCLE);
        browser.screenshot("cycles");
    }

    @Test
    @Order(3)
    void financeAndAuditorsReadButAreRefusedActions() throws Exception {
        signOutIfNeeded();
        signIn("fiona", password("fiona"));
        driver.get(base() + "/cycles/" + CYCLE);
        assertThat(text("#actions")).contains("Your role (finance) can follow this cycle");
        assertThat(driver.findElements(By.cssSelector("#actions form"))).isEmpty();
        assertThat(text("nav[aria-label=Main]")).contains("Dashboard", "Cycles").doesNotContain("Audit log", "Users");
        driver.get(base() + "/audit");
        assertThat(text("#error-title")).isEqualTo("403 · Not allowed");
        assertThat(text("#error-message")).contains("may not read the audit log");
        browser.screenshot("forbidden");

        signOutIfNeeded();
        signIn("otto", password("otto"));
        driver.get(base() + "/audit");
        assertThat(text("h1")).isEqualTo("Audit log");
        driver.get(base() + "/users");
        assertThat(text("#error-title")).startsWith("403");
        // the API's OpenAPI page renders under the same Content-Security-Policy
        driver.get(base() + "/swagger-ui.html");
        waitFor(d -> !d.findElements(By.cssSelector(".swagger-ui .info .title")).isEmpty());
        assertThat(text(".swagger-ui .info .title")).contains("Primary Pipeline API");
        waitFor(d -> !d.findElements(By.cssSelector(".opblock-tag")).isEmpty());
        browser.screenshot("api");
        driver.get(base() + "/audit?actor=fiona&outcome=DENIED");
        assertThat(text("#audit-table")).contains("audit.read", "denied");
    }

    @Test
    @Order(4)
    void adminsAddAccounts() throws Exception {
        signOutIfNeeded();
        signIn("ada", password("ada"));
        driver.get(base() + "/users");
        fill("new-username", "carol");
        new Select(driver.findElement(By.id("new-role"))).selectByValue("finance");
        fill("new-password", "an own long passphrase");
        fill("new-confirm", "an own long passphrase");
        driver.findElement(By.cssSelector("#add-user button[type=submit]")).click();
        waitFor(d -> text("#flash").equals("Added carol as finance"));
        assertThat(text("#users-table")).contains("carol", "finance", "active");
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.screenshot("users");
        signOutIfNeeded();
        signIn("carol", "an own long passphrase");
        waitFor(d -> d.getCurrentUrl().equals(base() + "/"));
    }

    @Test
    @Order(5)
    void thePagesFitAPhone() throws Exception {
        signOutIfNeeded();
        signIn("alice", password("alice"));
        driver.manage().window().setSize(Browser.PHONE);
        try {
            for (String[] page : List.of(
                    new String[] {"/", "phone-dashboard"},
                    new String[] {"/cycles/" + CYCLE, "phone-cycle"},
                    new String[] {"/districts", "phone-districts"},
                    new String[] {"/districts/TX-07", "phone-district"})) {
                driver.get(base() + page[0]);
                assertThat(browser.overflowingElements())
                        .as(page[0] + " fits a 390px wide screen")
                        .isEmpty();
                browser.screenshot(page[1]);
            }
            driver.findElement(By.linkText("Cycles")).click();
            waitFor(d -> d.getCurrentUrl().endsWith("/cycles"));
        } finally {
            driver.manage().window().setSize(Browser.LAPTOP);
        }
    }

    @Test
    @Order(6)
    void aDistrictPageExplainsEachFactorOfItsScore() throws Exception {
        signOutIfNeeded();
        signIn("otto", password("otto"));
        driver.get(base() + "/districts?sort=win");
        waitFor(d ->
                Boolean.TRUE.equals(browser.js("return !!Chart.getChart(document.getElementById('scores-chart'));")));
        assertThat(((Number) browser.js(
                                "return Chart.getChart(document.getElementById('scores-chart')).data.datasets.length;"))
                        .intValue())
                .as("one series per path")
                .isGreaterThanOrEqualTo(2);
        assertThat(driver.findElement(By.cssSelector("#districts th[aria-sort=descending] a"))
                        .getText())
                .isEqualTo("Win chance");

        driver.findElement(By.cssSelector("#districts tbody th[scope=row] a")).click();
        waitFor(d -> d.getCurrentUrl().matches(".*/districts/[A-Z]{2}-\\d{2}$"));
        waitFor(d -> Boolean.TRUE.equals(
                browser.js("return !!Chart.getChart(document.getElementById('factors-score-chart'));")));
        assertThat(driver.findElements(By.cssSelector("#factors-score tr[data-term='score.cost']")))
                .hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#factors-primary tbody tr")))
                .isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#factors-general tbody tr")))
                .isNotEmpty();
        assertThat(text("#district-explanation")).contains("expected wins per $1M");
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.screenshot("district");
        assertThat(driver.findElements(By.linkText("Launch a cycle")))
                .as("auditors cannot launch")
                .isEmpty();
    }

    // ---- helpers ----

    private Long candidacy(String source) {
        return jdbc.sql("select id from candidacy where cycle_id = ? and source = ? order by id limit 1")
                .params(CYCLE, source)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private void signIn(String user, String password) {
        if (!driver.getCurrentUrl().contains("/login")) {
            driver.get(base() + "/login");
        }
        fill("username", user);
        fill("password", password);
        WebElement submit = driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"));
        submit.click();
        // after signing out the page is /login?signedOut, so a URL check held before the sign-in had been
        // sent; wait for the sign-in page itself to be replaced (by the next page or by its error)
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(submit));
    }

    private void signOutIfNeeded() {
        driver.get(base() + "/");
        List<WebElement> signOut = driver.findElements(By.cssSelector("form[action='/logout'] button"));
        if (!signOut.isEmpty()) {
            signOut.get(0).click();
            waitFor(d -> d.getCurrentUrl().contains("/login"));
        }
    }

    private void fill(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private String text(String css) {
        // the page may still be loading after a click or a get: wait for the element, not just the URL
        waitFor(d -> !d.findElements(By.cssSelector(css)).isEmpty());
        return driver.findElement(By.cssSelector(css)).getText().trim();
    }

    private void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(condition::apply);
    }

    /** Staff tick the review checklist in the candidacy's row before approving. */
    private void tickChecklist(long candidacy) {
        for (String item : List.of("referencesContacted", "publicRecordChecked", "fecFilingsLookedUp")) {
            driver.findElement(By.cssSelector("#candidacy-" + candidacy + " input[name=" + item + "]"))
                    .click();
        }
    }
}
