package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A volunteer at a phone's width (390 px) signs in, opens the phone bank and calls three contacts, recording
 * a result for each (one with a survey answer, one refused first for want of a result); nothing overflows,
 * every control is labelled, and the three calls are stored. Screenshots in target/screenshots/call-*.png.
 */
class PhoneBankBrowserTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @Test
    void aVolunteerCallsThreeContactsOnAPhone() throws Exception {
        String cycle = ContactsFixture.campaign(jdbc, "KY-02", "browser");
        for (String[] c : List.of(
                new String[] {"Ada Bowling", "+12705550301"},
                new String[] {"Ben Bowling", "+12705550302"},
                new String[] {"Cal Bowling", "+12705550303"})) {
            ContactsFixture.contact(jdbc, cycle, c[0], c[1], "KY-02", "BG-1");
        }
        ConsoleHttp http = new ConsoleHttp(base());
        String universe = http.api(
                        "POST",
                        "/api/campaigns/" + cycle + "/universes",
                        "alice",
                        "{\"name\":\"Bowling Green\",\"channel\":\"PHONE\"}")
                .body()
                .replaceAll(".*\"id\":(\\d+).*", "$1");
        assertThat(http.api(
                                "POST",
                                "/api/campaigns/" + cycle + "/packets",
                                "alice",
                                "{\"universeId\":" + universe
                                        + ",\"name\":\"Saturday\",\"script\":\"Hello {{firstName}}!\","
                                        + "\"questions\":[\"Top issue?\"]}")
                        .statusCode())
                .isEqualTo(200);
        members.join("KY-02", "Pat Phone", "pat.phonebank@example.org", null);

        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver;
            driver.manage().window().setSize(Browser.PHONE);
            driver.get(base() + "/me/sign-in");
            driver.findElement(By.id("address")).sendKeys("pat.phonebank@example.org");
            submit(driver);
            String link = jdbc.sql("""
                    select model ->> 'signInUrl' from outbox_message
                    where template = 'member-sign-in' and recipient = 'pat.phonebank@example.org'
                    order by id desc limit 1""").query(String.class).single();
            driver.get(base() + URI.create(link).getPath());
            submit(driver);

            driver.get(base() + "/me/call/" + cycle);
            fits(browser, "call-first-phone");
            String first = driver.findElement(By.id("who")).getText();
            assertThat(driver.findElement(By.cssSelector("a.call")).getAttribute("href"))
                    .startsWith("tel:+1270555030");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Hello " + first.split(" ")[0] + "!");
            // saved without a result: said beside the field, nothing stored
            driver.findElement(By.id("answer-0")).sendKeys("Roads");
            submit(driver);
            assertThat(driver.findElement(By.id("result-error")).getText()).contains("Choose how the call went");
            fits(browser, "call-refused-phone");
            driver.findElement(By.id("result-talked")).click();
            submit(driver);

            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                    .contains("Saved");
            String second = driver.findElement(By.id("who")).getText();
            driver.findElement(By.id("result-no_answer")).click();
            submit(driver);

            String third = driver.findElement(By.id("who")).getText();
            driver.findElement(By.id("result-left_message")).click();
            driver.findElement(By.id("notes")).sendKeys("Call back after 6");
            fits(browser, "call-third-phone");
            submit(driver);
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains("Everyone on this list has been called");
            fits(browser, "call-done-phone");

            assertThat(List.of(first, second, third))
                    .containsExactlyInAnyOrder("Ada Bowling", "Ben Bowling", "Cal Bowling");
        }
        assertThat(jdbc.sql("""
                        select string_agg(c.full_name || ':' || a.result, ',' order by a.id) from contact_attempt a
                        join contact c on c.id = a.contact_id where a.cycle_id = ?""").param(cycle).query(String.class).single())
                .matches("\\w+ Bowling:TALKED,\\w+ Bowling:NO_ANSWER,\\w+ Bowling:LEFT_MESSAGE");
        assertThat(jdbc.sql(
                                "select answers ->> 'Top issue?' from contact_attempt where cycle_id = ? and result = 'TALKED'")
                        .param(cycle)
                        .query(String.class)
                        .single())
                .isEqualTo("Roads");
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
