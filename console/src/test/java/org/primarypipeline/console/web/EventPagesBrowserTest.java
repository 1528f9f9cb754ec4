package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The events' pages in a real browser at a phone's width (390 px): a member proposes an event (the form,
 * its refusals, the host page), and a visitor finds it by ZIP, opens it and asks for a place, in English
 * and Spanish. Nothing sticks out sideways, every control is labelled, every text readable. District MI-06.
 */
class EventPagesBrowserTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @Autowired
    CycleRepository cycles;

    @Autowired
    CandidacyRepository candidacies;

    @BeforeEach
    void freshLimits() {
        jdbc.sql("delete from member_sign_in").update();
    }

    @Test
    void proposingHostingAndAnRsvpFitAPhone() throws Exception {
        String plan = jdbc.sql("select id from district_plan where is_current")
                .query(String.class)
                .single();
        String cycle = cycles.create(plan, "MI-06", CycleSettings.defaults(), "alice", Instant.now())
                .id();
        long candidacy = candidacies.nominate(cycle, "Jo Park", "jo.park.mi06@example.org", null);
        jdbc.sql("insert into campaign (cycle_id, district_id, candidacy_id) values (?, 'MI-06', ?)")
                .params(cycle, candidacy)
                .update();
        long pat = members.join("MI-06", "Pat Phone", "pat.phone@example.org", null);
        jdbc.sql("insert into trusted_host (member_id, reason, marked_by) values (?, 'STAFF', 'alice')")
                .param(pat)
                .update();
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver;
            driver.manage().window().setSize(Browser.PHONE);
            driver.get(base() + "/me/sign-in");
            driver.findElement(By.id("address")).sendKeys("pat.phone@example.org");
            driver.findElement(By.cssSelector("form button")).click();
            // the answer page is there: the request and its link are stored
            awaitHeading(driver, "Check your email or phone");
            String link = jdbc.sql("""
                    select model ->> 'signInUrl' from outbox_message
                    where template = 'member-sign-in' and recipient = 'pat.phone@example.org'
                    order by id desc limit 1""").query(String.class).single();
            driver.get(base() + URI.create(link).getPath());
            driver.findElement(By.cssSelector("form button")).click();
            // signed in: the home page is there, so the members' cookie is set (waited for: the click
            // returns before the next page has loaded)
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("h1")).getText().equals("Hello, Pat Phone"));

            driver.get(base() + "/events/new");
            assertThat(driver.getCurrentUrl()).endsWith("/me/events/new");
            fits(browser, "events-propose-phone");
            driver.findElement(By.id("name")).clear();
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> !d.findElements(By.id("name-error")).isEmpty());
            assertThat(driver.findElement(By.id("name-error")).getText()).isEqualTo("Give your event a title.");
            fits(browser, "events-propose-refused-phone");

            driver.findElement(By.id("name")).sendKeys("Phone bank with Pat");
            String day = LocalDate.now(ZoneId.of("America/Detroit")).plusDays(6).toString();
            driver.findElement(By.id("date"))
                    .sendKeys(day.substring(5, 7) + day.substring(8, 10) + day.substring(0, 4));
            driver.findElement(By.id("start")).sendKeys("0600PM");
            driver.findElement(By.id("end")).sendKeys("0800PM");
            driver.findElement(By.id("address")).sendKeys("12 Main St, Ann Arbor");
            driver.findElement(By.id("zip")).sendKeys("48104");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            try {
                new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                        .until(d -> d.getCurrentUrl().contains("/host"));
            } catch (org.openqa.selenium.TimeoutException notThere) {
                // the assertion below says what the page said instead
            }
            assertThat(driver.getCurrentUrl())
                    .as(() -> driver.findElement(By.tagName("main")).getText())
                    .contains("/host");
            fits(browser, "events-host-phone");
            long event = jdbc.sql("select id from campaign_event where host_member_id = ?")
                    .param(pat)
                    .query(Long.class)
                    .single();

            driver.get(base() + "/events?zip=48104");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Phone bank with Pat");
            fits(browser, "events-list-phone");
            driver.get(base() + "/events/" + event);
            fits(browser, "events-event-phone");
            driver.findElement(By.cssSelector("input[name=shift]")).click();
            driver.findElement(By.id("fullName")).sendKeys("Val Visitor");
            driver.findElement(By.id("email")).sendKeys("val.visitor@example.org");
            driver.findElement(By.cssSelector("form button")).click();
            awaitHeading(driver, "Check your mail");
            fits(browser, "events-rsvp-sent-phone");
            driver.get(base() + "/events/" + event + "?lang=es");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Elige un turno");
            fits(browser, "events-event-es-phone");
        }
    }

    private static void fits(Browser browser, String screenshot) throws IOException {
        assertThat(browser.overflowingElements()).as(screenshot).isEmpty();
        assertThat(browser.accessibilityProblems()).as(screenshot).isEmpty();
        browser.screenshot(screenshot);
    }

    /** Waits for the next page's heading: a click returns before the browser has left the page. */
    private static void awaitHeading(org.openqa.selenium.WebDriver driver, String heading) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("h1")).getText().equals(heading));
    }
}
