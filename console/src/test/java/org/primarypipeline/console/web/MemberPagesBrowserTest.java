package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The members' pages in a real browser at a phone's width (390 px) and on a laptop, with the app's real
 * headers: join (empty, and with refused fields and a split ZIP's districts), sign-in, the link's
 * button, and the home page in both languages. Nothing sticks out sideways, every control is labelled,
 * every text readable. Screenshots land in target/screenshots/.
 */
class MemberPagesBrowserTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @BeforeEach
    void freshLimits() {
        jdbc.sql("delete from member_sign_in").update();
        jdbc.sql("delete from join_request").update();
    }

    @Test
    void joinSignInAndHomeFitAPhoneAndAreLabelledAndReadable() throws Exception {
        members.join("OR-04", "Pia Phone", "pia.phone@example.org", null);
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver;
            driver.manage().window().setSize(Browser.PHONE);

            driver.get(base() + "/join");
            fits(browser, "member-join-phone");
            driver.findElement(By.id("fullName")).sendKeys("Pia Phone");
            driver.findElement(By.id("email")).sendKeys("not-an-address");
            driver.findElement(By.id("zip")).sendKeys("98004");
            submit(driver);
            assertThat(driver.findElement(By.id("email-error")).getText()).contains("Write a whole email address");
            assertThat(driver.findElements(By.cssSelector("input[name=district]")))
                    .hasSize(2);
            fits(browser, "member-join-refused-phone");

            driver.get(base() + "/me/sign-in");
            fits(browser, "member-sign-in-phone");
            driver.findElement(By.id("address")).sendKeys("pia.phone@example.org");
            submit(driver);
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your email or phone");
            fits(browser, "member-sign-in-sent-phone");

            String link = new MemberBrowser(base(), jdbc).linkFor("pia.phone@example.org");
            driver.get(base() + URI.create(link).getPath());
            fits(browser, "member-sign-in-open-phone");
            submit(driver);
            assertThat(driver.getCurrentUrl())
                    .as(() -> driver.findElement(By.tagName("main")).getText())
                    .endsWith("/me");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Hello, Pia Phone");
            fits(browser, "member-home-phone");

            driver.get(base() + "/me?lang=es");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Hola, Pia Phone");
            fits(browser, "member-home-es-phone");

            driver.manage().window().setSize(Browser.LAPTOP);
            driver.get(base() + "/me?lang=en");
            fits(browser, "member-home-desktop");
        }
    }

    /**
     * Presses the form's button and waits for the next page: the click returns before the browser has
     * left this page, and reading at once read the old one (under load this made the test fail now and
     * then, e.g. the URL still the link's when checked for /me).
     */
    private static void submit(WebDriver driver) {
        WebElement old = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector("form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(old));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.tagName("h1")).isEmpty());
    }

    private static void fits(Browser browser, String screenshot) throws IOException {
        assertThat(browser.overflowingElements()).as(screenshot).isEmpty();
        assertThat(browser.accessibilityProblems()).as(screenshot).isEmpty();
        assertThat(browser.keyboardProblems()).as(screenshot).isEmpty();
        browser.screenshot(screenshot);
    }
}
