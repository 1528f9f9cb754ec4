package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.primarypipeline.campaigns.events.EventKind;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * At a phone's width (390 px): the host of a phone bank makes a link for a guest caller from the event's
 * host page, and the guest, in a browser with no member's cookie, opens it and calls a contact. Nothing
 * overflows, every control is labelled. Screenshots in target/screenshots/guest-*.png. District SC-03.
 */
class GuestCallerBrowserTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @Autowired
    EventStore events;

    @Test
    void aHostMakesALinkAndTheGuestCallsOnAPhone() throws Exception {
        String cycle = ContactsFixture.campaign(jdbc, "SC-03", "guest-browser");
        ContactsFixture.contact(jdbc, cycle, "Rita Rock Hill", "+18035550321", "SC-03", "R1");
        ConsoleHttp http = new ConsoleHttp(base());
        String universe = http.api(
                        "POST",
                        "/api/campaigns/" + cycle + "/universes",
                        "alice",
                        "{\"name\":\"Rock Hill\",\"channel\":\"PHONE\"}")
                .body()
                .replaceAll(".*\"id\":(\\d+).*", "$1");
        assertThat(http.api(
                                "POST",
                                "/api/campaigns/" + cycle + "/packets",
                                "alice",
                                "{\"universeId\":" + universe
                                        + ",\"name\":\"Tonight\",\"script\":\"Hello {{firstName}}, I am {{volunteerName}}.\","
                                        + "\"questions\":[]}")
                        .statusCode())
                .isEqualTo(200);
        long host = members.join("SC-03", "Hal Host", "hal.host.guestbrowser@example.org", null);
        Instant start = Instant.now().minus(Duration.ofMinutes(30));
        long event = events.create(
                new EventStore.NewEvent(
                        cycle,
                        "SC-03",
                        host,
                        EventKind.PHONE_BANK,
                        "Rock Hill calls",
                        "Calling together",
                        start,
                        start.plus(Duration.ofHours(2)),
                        ZoneId.of("America/New_York"),
                        "Library",
                        "1 Main St, Rock Hill",
                        "29730",
                        null,
                        null,
                        null,
                        List.of(new EventStore.NewShift(start, start.plus(Duration.ofHours(2)), 10))),
                "PUBLISHED",
                start);

        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver;
            driver.manage().window().setSize(Browser.PHONE);
            driver.get(base() + "/me/sign-in");
            driver.findElement(By.id("address")).sendKeys("hal.host.guestbrowser@example.org");
            submit(driver);
            String signIn = jdbc.sql("""
                    select model ->> 'signInUrl' from outbox_message
                    where template = 'member-sign-in' and recipient = 'hal.host.guestbrowser@example.org'
                    order by id desc limit 1""").query(String.class).single();
            driver.get(base() + URI.create(signIn).getPath());
            submit(driver);

            driver.get(base() + "/me/events/" + event + "/host");
            driver.findElement(By.linkText("Links for guest callers")).click();
            submit(driver);
            assertThat(driver.findElement(By.id("name-error")).getText()).contains("Write the name of the guest");
            fits(browser, "guest-link-refused-phone");
            driver.findElement(By.id("name")).sendKeys("Gwen Guest");
            submit(driver);
            String link = driver.findElement(By.id("made-url")).getAttribute("value");
            fits(browser, "guest-link-made-phone");

            driver.manage().deleteAllCookies();
            driver.get(base() + URI.create(link).getPath());
            fits(browser, "guest-link-open-phone");
            submit(driver);
            assertThat(driver.getCurrentUrl()).endsWith("/me/call/" + cycle);
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains("Rita Rock Hill", "Hello Rita, I am Gwen Guest.", "calling as a guest");
            fits(browser, "guest-call-phone");
            driver.findElement(By.id("result-talked")).click();
            submit(driver);
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains("Everyone on this list has been called");

            driver.get(base() + URI.create(link).getPath());
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("This link was already opened");
        }
        assertThat(jdbc.sql("select caller_name from contact_attempt where cycle_id = ?")
                        .param(cycle)
                        .query(String.class)
                        .single())
                .isEqualTo("Gwen Guest");
    }

    /** Sends the page's form and waits for the next page to replace it. */
    private static void submit(WebDriver driver) {
        WebElement page = driver.findElement(By.tagName("main"));
        driver.findElement(By.cssSelector("form button")).click();
        Browser.waitUntilGone(driver, page);
    }

    private static void fits(Browser browser, String screenshot) throws IOException {
        assertThat(browser.overflowingElements()).as(screenshot).isEmpty();
        assertThat(browser.accessibilityProblems()).as(screenshot).isEmpty();
        browser.screenshot(screenshot);
    }
}
