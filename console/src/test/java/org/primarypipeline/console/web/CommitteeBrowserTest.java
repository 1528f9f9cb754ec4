package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 24: a finance volunteer records the candidate's committee (a wrong FEC id is said beside its
 * box), and sees the gift held with its 10-day deadline. The page's screenshot is the README's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitteeBrowserTest extends ConsoleTestSupport {

    @Autowired
    CycleRepository cycles;

    @Autowired
    CandidacyRepository candidacies;

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
    void financeRecordsTheCommitteeAndSeesTheHeldGiftsDeadline() throws Exception {
        long auditedBefore = committeeAudits();
        String cycle = cycles.create("cd2026", "AZ-05", CycleSettings.defaults(), "alice", Instant.now())
                .id();
        long candidacy = candidacies.nominate(cycle, "Lena Ortiz", "lena.az05@example.org", null);
        long fundraiser =
                jdbc.sql("""
                insert into fundraiser (cycle_id, candidacy_id, status, goal_cents, title, payments, starts_on, ends_on)
                values (?, ?, 'LAUNCHED', 5000000, 'Lena Ortiz for Congress', 'ON', current_date, current_date + 300)
                returning id
                """).params(cycle, candidacy).query(Long.class).single();
        long donation = jdbc.sql("""
                insert into donation (fundraiser_id, amount_cents, donor_name, external_id, status, payment_intent_id,
                                      charge_id, paid_at, created_at)
                values (?, 7500, 'Marta Quispe', 'pi_az05_a', 'SUCCEEDED', 'pi_az05_a', 'ch_az05_a', now() - interval '2 days',
                        now() - interval '2 days') returning id
                """).param(fundraiser).query(Long.class).single();
        jdbc.sql("insert into earmark_forward (donation_id, fundraiser_id, received_at, due_by) "
                        + "values (?, ?, now() - interval '2 days', now() + interval '8 days')")
                .params(donation, fundraiser)
                .update();

        driver.get(base() + "/login");
        driver.findElement(By.id("username")).sendKeys("fiona");
        driver.findElement(By.id("password")).sendKeys(password("fiona"));
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> !d.getCurrentUrl().endsWith("/login"));

        driver.get(base() + "/finance/fundraisers/" + fundraiser + "/committee");
        // 8 days less the seconds since: 7 whole days left, said conservatively
        assertThat(text("#held-gifts")).contains("Marta Quispe", "$75").endsWith(" 7");
        assertThat(text("#stripe-account")).contains("Save the committee's details first");
        fill("committee-name", "Lena Ortiz for Congress");
        fill("committee-fec-id", "C123");
        fill("committee-treasurer", "Rosa Diaz");
        fill("committee-address", "12 Camelback Road, Phoenix AZ 85016");
        // the browser's own pattern check would stop the form: the server's sentence is what is tested
        browser.js("document.getElementById('committee-form').noValidate = true;");
        driver.findElement(By.cssSelector("#committee-form button[type=submit]"))
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("fec-error")).isEmpty());
        assertThat(text("#fec-error")).contains("the letter C and eight digits");
        assertThat(driver.findElement(By.id("committee-fec-id")).getAttribute("aria-invalid"))
                .isEqualTo("true");

        fill("committee-fec-id", "C00123456");
        driver.findElement(By.cssSelector("#committee-form button[type=submit]"))
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("onboarding")).isEmpty());
        assertThat(text("#account-status")).contains("not created yet", "not yet: gifts are held");
        assertThat(browser.accessibilityProblems()).isEmpty();
        Path shot = browser.screenshot("finance-conduit");
        Path readme = Path.of("..", "docs", "img", "finance-conduit.png");
        Files.createDirectories(readme.getParent());
        Files.copy(shot, readme, StandardCopyOption.REPLACE_EXISTING);
        // the app's tests share one database: other tests record committees as fiona too
        assertThat(committeeAudits() - auditedBefore).isEqualTo(2L);
    }

    private long committeeAudits() {
        return jdbc.sql("select count(*) from audit_log where action = 'finance.committee' and actor = 'fiona'")
                .query(Long.class)
                .single();
    }

    private void fill(String id, String value) {
        var input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText().trim();
    }
}
