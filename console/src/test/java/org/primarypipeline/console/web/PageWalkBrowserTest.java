package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A walk over every console page and the public pages, signed in as an admin, at a laptop's width
 * (1,366 px) and a phone's (390 px): no page scrolls sideways, and none shows a stack trace, an XML
 * map or a JSON body in place of a page. Error pages are walked too.
 */
class PageWalkBrowserTest extends ConsoleTestSupport {

    @Autowired
    CycleRepository cycles;

    @Autowired
    CandidacyRepository candidacies;

    private static final Dimension DESKTOP = new Dimension(1366, 900);

    /** IllegalStateException, java.lang.Exception: a thrown class's name, never a word of a page. */
    private static final Pattern EXCEPTION_NAME = Pattern.compile("(\\b[A-Z]\\w*|\\.)Exception\\b");

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

        long fundraiser = fundraiser();

        // every GET page mapping of the @Controller classes (the htmx fragments /cycles/{id}/live,
        // /supporters/imports and /districts/{d}/launch/schedule are parts of the pages below), then
        // the error pages a bad address or a bad token leads to
        List<String> pages = new ArrayList<>(List.of(
                // console
                "/",
                "/districts",
                "/districts/KS-03",
                "/districts/KS-03/launch",
                "/districts/model",
                "/districts/weights",
                "/cycles",
                "/cycles/" + cycle,
                "/cycles/" + cycle + "/nominations",
                "/supporters",
                "/supporters/members",
                "/supporters/members?district=KS-03",
                "/pledge",
                "/finance",
                "/finance/fundraisers/" + fundraiser,
                "/outbox/dead-letters",
                "/audit",
                "/users",
                "/login",
                // public
                "/nominate/" + cycle,
                "/nominate/confirm/not-a-token",
                "/candidacy/accept/not-a-token",
                "/invitation",
                "/invitation/not-a-code",
                "/join/confirm/not-a-token",
                "/fundraisers/" + fundraiser,
                "/fundraisers/" + fundraiser + "/donate",
                "/fundraisers/" + fundraiser + "/thanks",
                "/fundraisers/best-efforts/not-a-token",
                "/ballot/" + cycle,
                "/ballot/" + cycle + "/check",
                "/ballot/open/not-a-token",
                // errors
                "/cycles/no-such-cycle",
                "/cycles/" + cycle + "/candidacies/abc",
                "/cycles/" + cycle + "/candidacies/999999999",
                "/no-such-page",
                "/finance/fundraisers/abc",
                "/finance/fundraisers/999999999",
                "/fundraisers/abc",
                "/fundraisers/999999999/donate",
                "/ballot/no-such-cycle",
                "/ballot/no-such-cycle/check"));
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
                    for (String raw : List.of("<Map>", "Whitelabel", "\tat org.", "For input string")) {
                        if (text.contains(raw)) {
                            problems.add(where + ": shows \"" + raw + "\"");
                        }
                    }
                    // a Java exception's name, not the finance report's "Exceptions from the latest reconciliation"
                    Matcher thrown = EXCEPTION_NAME.matcher(text);
                    if (thrown.find()) {
                        problems.add(where + ": shows \"" + thrown.group() + "\"");
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

    /** A fundraiser of its own (no gifts) on a finished cycle, so that its public and finance pages are walked. */
    private long fundraiser() {
        String cycle = cycles.create("cd2026", "KS-02", CycleSettings.defaults(), "alice", Instant.now())
                .id();
        long candidacy = candidacies.nominate(cycle, "Wendy Walker", "wendy.walker@example.org", null);
        cycles.finish(cycle, CycleStatus.COMPLETED, null);
        return jdbc.sql("insert into fundraiser (cycle_id, candidacy_id, status, goal_cents) "
                        + "values (?, ?, 'LAUNCHED', 100000) returning id")
                .params(cycle, candidacy)
                .query(Long.class)
                .single();
    }
}
