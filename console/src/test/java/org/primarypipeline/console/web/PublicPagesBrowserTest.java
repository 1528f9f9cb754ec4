package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.supporters.Invitations;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A public page in a real browser at a phone's width (390 px), with the app's real headers: the strict
 * policy of a personal page leaves its styles working, nothing sticks out sideways, every control is
 * labelled and every text readable. Screenshots land in target/screenshots/.
 */
class PublicPagesBrowserTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @Autowired
    Invitations invitations;

    @Test
    void theInvitationPageFitsAPhoneUnderItsStrictPolicy() throws Exception {
        long vera = members.join("OR-03", "Vera Phone", "vera.phone@example.org", null);
        Invitations.Invitation toWes = invitations.invite(vera, Channel.EMAIL, "wes.phone@example.org", "Wes", true);
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver;
            driver.manage().window().setSize(Browser.PHONE);

            driver.get(base() + "/invitation/" + toWes.token());
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Join your district group");
            // the layout's inline stylesheet applies under style-src 'unsafe-inline': the button is styled
            String background =
                    driver.findElement(By.cssSelector("form button")).getCssValue("background-color");
            assertThat(background).isEqualTo("rgba(185, 28, 28, 1)");
            assertThat(browser.overflowingElements()).isEmpty();
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("public-invitation-phone");

            driver.get(base() + "/invitation/not-a-code");
            assertThat(driver.findElement(By.cssSelector(".box.problem")).getText())
                    .contains("We don't know that invitation code");
            assertThat(browser.overflowingElements()).isEmpty();
            assertThat(browser.accessibilityProblems()).isEmpty();
        }
    }

    /** An open page (a fundraiser's) under the public chain's policy, default-src 'none': still styled. */
    @Test
    void anOpenPageKeepsItsStylesUnderThePublicPolicy() throws Exception {
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver;
            driver.manage().window().setSize(Browser.PHONE);
            driver.get(base() + "/fundraisers/999999");
            String background = driver.findElement(By.tagName("body")).getCssValue("background-color");
            assertThat(background).isEqualTo("rgba(250, 250, 250, 1)");
            assertThat(browser.overflowingElements()).isEmpty();
        }
    }
}
