package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
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
            driver.findElement(By.cssSelector("form button")).click();
            assertThat(driver.findElement(By.id("email-error")).getText()).contains("Write a whole email address");
            assertThat(driver.findElements(By.cssSelector("input[name=district]")))
                    .hasSize(2);
            fits(browser, "member-join-refused-phone");

            driver.get(base() + "/me/sign-in");
            fits(browser, "member-sign-in-phone");
            driver.findElement(By.id("address")).sendKeys("pia.phone@example.org");
            driver.findElement(By.cssSelector("form button")).click();
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your email or phone");
            fits(browser, "member-sign-in-sent-phone");

            String link = jdbc.sql("""
                    select model ->> 'signInUrl' from outbox_message
                    where template = 'member-sign-in' and recipient = 'pia.phone@example.org'
                    order by id desc limit 1""").query(String.class).single();
            driver.get(base() + URI.create(link).getPath());
            fits(browser, "member-sign-in-open-phone");
            driver.findElement(By.cssSelector("form button")).click();
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

    private static void fits(Browser browser, String screenshot) throws IOException {
        assertThat(browser.overflowingElements()).as(screenshot).isEmpty();
        assertThat(browser.accessibilityProblems()).as(screenshot).isEmpty();
        browser.screenshot(screenshot);
    }
}
