package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A canvasser at a phone's width (390 px) walks a turf: the first door is saved online (refused first, in
 * the page, for want of a result); then the connection drops (Chrome DevTools' network emulation, offline)
 * and two more doors are recorded: they wait in the page, none reaches the server; back online, they are
 * sent and stored once each, and a reload sends nothing again. Screenshots in target/screenshots/walk-*.png.
 */
class CanvassBrowserTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @Test
    void doorsRecordedOfflineArriveOnceWhenBackOnline() throws Exception {
        String cycle = ContactsFixture.campaign(jdbc, "IA-02", "walk-browser");
        long ann = CanvassFixture.household(jdbc, cycle, "IA-02", "Ann Walker", "101 Oak St", 41.6610, -91.5300);
        long bo = CanvassFixture.household(jdbc, cycle, "IA-02", "Bo Walker", "103 Oak St", 41.6612, -91.5300);
        long cy = CanvassFixture.household(jdbc, cycle, "IA-02", "Cy Walker", "105 Oak St", 41.6614, -91.5300);
        ConsoleHttp http = new ConsoleHttp(base());
        String api = "/api/campaigns/" + cycle;
        String universe = http.api("POST", api + "/universes", "alice", "{\"name\":\"Oak St\",\"channel\":\"DOOR\"}")
                .body()
                .replaceAll(".*\"id\":(\\d+).*", "$1");
        assertThat(http.api(
                                "POST",
                                api + "/turf-cuts",
                                "alice",
                                "{\"universeId\":" + universe + ",\"name\":\"Oak St\",\"script\":\"Hello!\","
                                        + "\"questions\":[\"Top issue?\"]}")
                        .statusCode())
                .isEqualTo(200);
        String turf = http.api("GET", api + "/turfs", "alice", null).body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
        members.join("IA-02", "Wes Walker", "wes.walk@example.org", null);
        assertThat(http.api(
                                "POST",
                                api + "/turfs/" + turf + "/checkout",
                                "alice",
                                "{\"email\":\"wes.walk@example.org\"}")
                        .statusCode())
                .isEqualTo(200);

        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver;
            driver.manage().window().setSize(Browser.PHONE);
            driver.get(base() + "/me/sign-in");
            driver.findElement(By.id("address")).sendKeys("wes.walk@example.org");
            submit(driver, By.cssSelector("form button"));
            String link = jdbc.sql("""
                    select model ->> 'signInUrl' from outbox_message
                    where template = 'member-sign-in' and recipient = 'wes.walk@example.org'
                    order by id desc limit 1""").query(String.class).single();
            driver.get(base() + URI.create(link).getPath());
            submit(driver, By.cssSelector("form button"));

            driver.get(base() + "/me/walk/" + turf);
            ready(driver);
            fits(browser, "walk-first-phone");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Hello!", "0 of 3 doors visited");

            // online: saved without a result is said beside the field, in the page; then sent
            save(driver, ann);
            String refused = wait(driver).until(d -> visibleText(d, "result-error-c" + ann));
            assertThat(refused).isEqualTo("Choose what happened at the door before saving.");
            driver.findElement(By.id("c" + ann + "-talked")).click();
            driver.findElement(By.id("c" + ann + "-answer-0")).sendKeys("Schools");
            save(driver, ann);
            wait(driver)
                    .until(d ->
                            "Sent".equals(d.findElement(By.id("status-c" + ann)).getText()));
            assertThat(driver.findElement(By.id("result-error-c" + ann)).isDisplayed())
                    .isFalse();
            assertThat(doors(cycle)).isEqualTo(1);

            // offline: two doors wait in the page
            network(driver, true);
            driver.findElement(By.id("c" + bo + "-not_home")).click();
            save(driver, bo);
            driver.findElement(By.id("c" + cy + "-refused")).click();
            driver.findElement(By.id("notes-c" + cy)).sendKeys("Dog at the gate");
            save(driver, cy);
            wait(driver).until(d -> d.findElement(By.id("walk-queue")).getText().startsWith("2 answers are waiting"));
            assertThat(driver.findElement(By.id("status-c" + cy)).getText()).isEqualTo("Waiting to send");
            Thread.sleep(4000); // past a retry of the queue: still nothing can reach the server
            assertThat(doors(cycle)).isEqualTo(1);
            fits(browser, "walk-offline-phone");

            // back online: both arrive, once
            network(driver, false);
            wait(driver)
                    .until(d -> "Every answer has been sent."
                            .equals(d.findElement(By.id("walk-queue")).getText()));
            assertThat(doors(cycle)).isEqualTo(3);
            fits(browser, "walk-sent-phone");

            WebElement page = driver.findElement(By.tagName("main"));
            driver.navigate().refresh();
            Browser.waitUntilGone(driver, page);
            ready(driver);
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains("3 of 3 doors visited", "Last time: Not home", "Last time: Refused to talk");
            Thread.sleep(3500);
            assertThat(doors(cycle)).isEqualTo(3);
        }
        assertThat(jdbc.sql("""
                        select string_agg(c.full_name || ':' || a.result || ':' || coalesce(a.notes, '')
                            || ':' || coalesce(a.answers ->> 'Top issue?', ''), ',' order by c.full_name)
                        from contact_attempt a join contact c on c.id = a.contact_id
                        where a.cycle_id = ? and a.channel = 'DOOR'""").param(cycle).query(String.class).single())
                .isEqualTo("Ann Walker:TALKED::Schools,Bo Walker:NOT_HOME::,Cy Walker:REFUSED:Dog at the gate:");
    }

    private long doors(String cycle) {
        return jdbc.sql("select count(*) from contact_attempt where cycle_id = ? and channel = 'DOOR'")
                .param(cycle)
                .query(Long.class)
                .single();
    }

    /** Chrome DevTools' network emulation: offline, or back to the real network. */
    private static void network(WebDriver driver, boolean offline) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private static void ready(WebDriver driver) {
        wait(driver).until(d -> "yes".equals(d.findElement(By.id("walk")).getAttribute("data-queue-ready")));
    }

    private static void save(WebDriver driver, long contactId) {
        driver.findElement(By.cssSelector("#form-c" + contactId + " button")).click();
    }

    private static String visibleText(WebDriver d, String id) {
        WebElement e = d.findElement(By.id(id));
        return e.isDisplayed() && !e.getText().isEmpty() ? e.getText() : null;
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Sends a form and waits for the next page to replace it. */
    private static void submit(WebDriver driver, By button) {
        WebElement page = driver.findElement(By.tagName("main"));
        driver.findElement(button).click();
        Browser.waitUntilGone(driver, page);
    }

    private static void fits(Browser browser, String screenshot) throws IOException {
        assertThat(browser.overflowingElements()).as(screenshot).isEmpty();
        assertThat(browser.accessibilityProblems()).as(screenshot).isEmpty();
        browser.screenshot(screenshot);
    }
}
