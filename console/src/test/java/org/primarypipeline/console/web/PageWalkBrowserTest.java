package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

/**
 * A walk over every console page and the public pages, signed in as an admin, at a laptop's width
 * (1,366 px) and a phone's (390 px): no page scrolls sideways, and none shows a stack trace, an XML
 * map or a JSON body in place of a page. Error pages are walked too.
 */
class PageWalkBrowserTest extends ConsoleTestSupport {

    private static final Dimension DESKTOP = new Dimension(1366, 900);

    @Test
    void everyPageFitsBothWidthsAndIsNeverARawBody() throws Exception {
        HttpResponse<String> launched =
                new ConsoleHttp(base()).api("POST", "/api/cycles", "alice", "{\"district\":\"KS-03\"}");
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        String cycle = new ObjectMapper().readTree(launched.body()).path("id").asText();
        awaitStarted(cycle);
        long candidacy = jdbc.sql("select coalesce(min(id), 0) from candidacy where cycle_id = ?")
                .param(cycle)
                .query(Long.class)
                .single();

        List<String> pages = new ArrayList<>(List.of(
                "/",
                "/districts",
                "/districts/KS-03",
                "/districts/KS-03/launch",
                "/cycles",
                "/cycles/" + cycle,
                "/cycles/" + cycle + "/nominations",
                "/supporters",
                "/pledge",
                "/finance",
                "/outbox/dead-letters",
                "/audit",
                "/users",
                "/cycles/no-such-cycle",
                "/cycles/" + cycle + "/candidacies/abc",
                "/no-such-page",
                "/finance/fundraisers/abc",
                "/nominate/" + cycle,
                "/invitation",
                "/fundraisers/abc",
                "/ballot/no-such-cycle",
                "/candidacy/accept/not-a-token"));
        if (candidacy > 0) {
            pages.add("/cycles/" + cycle + "/candidacies/" + candidacy);
        }

        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver;
            driver.get(base() + "/login");
            driver.findElement(By.id("username")).sendKeys("ada");
            driver.findElement(By.id("password")).sendKeys(password("ada"));
            driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                    .click();
            List<String> problems = new ArrayList<>();
            for (Dimension size : List.of(DESKTOP, Browser.PHONE)) {
                driver.manage().window().setSize(size);
                for (String page : pages) {
                    driver.get(base() + page);
                    String where = page + " at " + size.width + " px";
                    String type = String.valueOf(browser.js("return document.contentType;"));
                    String text = driver.findElement(By.tagName("body")).getText();
                    if (!type.equals("text/html")) {
                        problems.add(where + ": shown as " + type);
                    }
                    for (String raw : List.of("<Map>", "Whitelabel", "Exception", "\tat org.", "For input string")) {
                        if (text.contains(raw)) {
                            problems.add(where + ": shows \"" + raw + "\"");
                        }
                    }
                    if (text.strip().startsWith("{") || text.strip().startsWith("<?xml")) {
                        problems.add(where + ": a raw body");
                    }
                    for (String overflow : browser.overflowingElements()) {
                        problems.add(where + ": overflows: " + overflow);
                    }
                }
            }
            assertThat(problems).isEmpty();
        }
    }
}
