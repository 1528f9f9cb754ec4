package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.primarypipeline.campaigns.Attribution;
import org.primarypipeline.campaigns.Refcodes;
import org.primarypipeline.console.campaigns.RefcodeCookies;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The candidate page and the campaign dashboard in a real browser (Debian's chromium), at a phone's
 * width (390 px) and on a laptop: a visitor arrives from a member's share link, the page fits and every
 * control is labelled; the RSVP the link brought in shows on the dashboard with the member's code. The
 * dashboard's screenshot is docs/img/campaign-dashboard.png. GA-05 and GA-06 are this class's districts.
 */
class CampaignBrowserTest extends ConsoleTestSupport {

    @Autowired
    Refcodes refcodes;

    @Autowired
    Attribution attribution;

    @Test
    void aVisitorFromAShareLinkSeesTheCandidatePageAndTheDashboardShowsWhatTheLinkBroughtIn() throws Exception {
        CampaignFixture campaign = new CampaignFixture(jdbc, "GA-05", "Bea Browser", "Hank Host");
        long[] event = campaign.event("Canvass the east side", "CANVASS", Duration.ofDays(4), "PUBLISHED");
        String code = refcodes.codeFor(campaign.member("Mia Sharer"));
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver;
            driver.manage().window().setSize(Browser.PHONE);
            driver.get(base() + "/c/" + campaign.cycleId + "?r=" + code);
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Bea Browser");
            WebElement link = driver.findElement(By.linkText("Canvass the east side"));
            assertThat(link.getAttribute("href")).endsWith("/events/" + event[0] + "?r=" + code);
            assertThat(driver.manage().getCookieNamed(RefcodeCookies.FIRST).getValue())
                    .isEqualTo(code);
            fits(browser, "candidate-page-phone");
            driver.get(base() + "/c/" + campaign.cycleId + "/toolkit");
            fits(browser, "candidate-toolkit-phone");
            driver.get(base() + "/c/" + campaign.cycleId + "?lang=es");
            fits(browser, "candidate-page-es-phone");

            // the RSVP, as the events helper's page records it with the pair the browser carries
            long rsvp = campaign.rsvp(event, "Rita Visitor", "rita.visitor.ga05@example.org");
            attribution.record(Attribution.Kind.RSVP, rsvp, campaign.cycleId, new Attribution.Touch(code, code));
            dashboardShows(browser, campaign, code, "Canvass the east side");
        }
    }

    /**
     * The whole path through the events helper's RSVP page, by its URL contract ({@code /events/{id}}: a
     * form with name, email and shift). Skipped until that page is on main.
     */
    @Test
    void aMemberRsvpsFromTheCandidatePageWithARefcodeAndTheDashboardShowsIt() throws Exception {
        CampaignFixture campaign = new CampaignFixture(jdbc, "GA-06", "Cal Contract", "Hope Host");
        long[] event = campaign.event("Phone bank downtown", "PHONE_BANK", Duration.ofDays(5), "PUBLISHED");
        String code = refcodes.codeFor(campaign.member("Max Sharer"));
        HttpResponse<String> rsvpPage = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/events/" + event[0]))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Assumptions.assumeTrue(
                rsvpPage.statusCode() == 200 && rsvpPage.body().contains("name=\"email\""),
                "the events helper's RSVP page /events/{id} is not on this branch yet");
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver;
            for (org.openqa.selenium.Dimension size : List.of(Browser.PHONE, Browser.LAPTOP)) {
                driver.manage().deleteAllCookies();
                driver.manage().window().setSize(size);
                driver.get(base() + "/c/" + campaign.cycleId + "?r=" + code);
                driver.findElement(By.linkText("Phone bank downtown")).click();
                String who = size == Browser.PHONE ? "phone" : "laptop";
                fill(driver, "fullName", "Ria " + who);
                fill(driver, "email", "ria." + who + ".ga06@example.org");
                List<WebElement> shifts = driver.findElements(By.name("shift"));
                if (!shifts.isEmpty() && "select".equals(shifts.get(0).getTagName())) {
                    new Select(shifts.get(0)).selectByIndex(0);
                } else if (!shifts.isEmpty()) {
                    shifts.get(0).click();
                }
                driver.findElement(By.cssSelector("main form button[type=submit], main form button"))
                        .click();
                browser.screenshot("campaign-rsvp-sent-" + who);
            }
            assertThat(jdbc.sql("""
                            select count(*) from attribution a join event_rsvp r on r.id = a.subject_id
                            where a.subject_kind = 'RSVP' and r.event_id = ? and a.last_refcode = ?
                            """).params(event[0], code).query(Long.class).single())
                    .isEqualTo(2);
            dashboardShows(browser, campaign, code, "Phone bank downtown");
        }
    }

    private void dashboardShows(Browser browser, CampaignFixture campaign, String code, String title)
            throws IOException {
        WebDriver driver = browser.driver;
        driver.manage().window().setSize(Browser.LAPTOP);
        driver.get(base() + "/login");
        fill(driver, "username", "alice");
        fill(driver, "password", password("alice"));
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                .click();
        // the sign-in lands before the dashboard is asked for (else the dashboard answers the login page)
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .until(d -> !d.getCurrentUrl().contains("/login"));
        driver.get(base() + "/campaigns/" + campaign.cycleId);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("events")).isEmpty());
        // the event's row: its title, and its RSVPs with how many came through a share link
        assertThat(driver.findElement(By.id("events")).getText()).contains(title);
        assertThat(driver.findElement(By.id("refcodes")).getText()).contains(code);
        assertThat(browser.accessibilityProblems()).isEmpty();
        Path shot = browser.screenshot("campaign-dashboard-" + campaign.districtId);
        Path docs = Path.of("..", "docs", "img");
        if (Files.isDirectory(docs) && campaign.districtId.equals("GA-05")) {
            Files.copy(shot, docs.resolve("campaign-dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
        }
        driver.manage().window().setSize(Browser.PHONE);
        driver.navigate().refresh();
        assertThat(driver.findElement(By.id("refcodes")).getText()).contains(code);
        browser.screenshot("campaign-dashboard-phone-" + campaign.districtId);
    }

    private static void fill(WebDriver driver, String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    private static void fits(Browser browser, String screenshot) throws IOException {
        assertThat(browser.overflowingElements()).as(screenshot).isEmpty();
        assertThat(browser.accessibilityProblems()).as(screenshot).isEmpty();
        browser.screenshot(screenshot);
    }
}
