package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.primarypipeline.console.TwilioForms;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A texter at a phone's width (390 px) signs in, takes contacts, sends each first text with its own click,
 * and a reply that comes in through the Twilio webhook (signed as Twilio signs it, through the whole app)
 * shows in the conversation; nothing overflows and every control is labelled. Its own context: the webhook
 * needs a Twilio auth token, which the shared one has not. Screenshots in target/screenshots/text-*.png.
 */
class TextingBrowserTest extends ConsoleTestSupport {

    private static final String AUTH_TOKEN = "texting-browser-auth-token";
    private static final String PUBLIC = "https://pp-texting.example.org";

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) {
        registry.add("pp.outreach.sms.twilio.auth-token", () -> AUTH_TOKEN);
        registry.add("pp.outreach.public-base-url", () -> PUBLIC);
    }

    @Autowired
    MemberRepository members;

    @Test
    void aTexterSendsFirstTextsOnAPhoneAndReadsTheReplyFromTheWebhook() throws Exception {
        String cycle = ContactsFixture.campaign(jdbc, "KS-02", "texting-browser");
        long dee = ContactsFixture.contact(jdbc, cycle, "Dee Topeka", "+17855550201", "KS-02", "T1");
        long eli = ContactsFixture.contact(jdbc, cycle, "Eli Topeka", "+17855550202", "KS-02", "T1");
        ConsoleHttp http = new ConsoleHttp(base());
        String universe = http.api(
                        "POST",
                        "/api/campaigns/" + cycle + "/universes",
                        "alice",
                        "{\"name\":\"Topeka texts\",\"channel\":\"SMS\"}")
                .body()
                .replaceAll(".*\"id\":(\\d+).*", "$1");
        assertThat(http.api(
                                "POST",
                                "/api/campaigns/" + cycle + "/text-banks",
                                "alice",
                                "{\"universeId\":" + universe + ",\"name\":\"Topeka\",\"initialMessage\":\"Hi "
                                        + "{{firstName}}, will you vote Tuesday? Reply STOP to opt out.\","
                                        + "\"canned\":[\"Thank you!\"],\"questions\":[\"Will you vote?\"]}")
                        .statusCode())
                .isEqualTo(200);
        members.join("KS-02", "Tia Texter", "tia.texter.browser@example.org", null);

        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver;
            driver.manage().window().setSize(Browser.PHONE);
            driver.get(base() + "/me/sign-in");
            driver.findElement(By.id("address")).sendKeys("tia.texter.browser@example.org");
            click(driver, By.cssSelector("form button"));
            String link = jdbc.sql("""
                    select model ->> 'signInUrl' from outbox_message
                    where template = 'member-sign-in' and recipient = 'tia.texter.browser@example.org'
                    order by id desc limit 1""").query(String.class).single();
            driver.get(base() + URI.create(link).getPath());
            click(driver, By.cssSelector("form button"));

            driver.get(base() + "/me/text/" + cycle);
            fits(browser, "text-empty-phone");
            click(driver, By.cssSelector("form[action$='/take'] button"));
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                    .contains("2");
            fits(browser, "text-taken-phone");
            click(driver, By.id("send-" + dee));
            click(driver, By.id("send-" + eli));
            assertThat(driver.findElements(By.cssSelector("button[id^=send-]"))).isEmpty();
            fits(browser, "text-sent-phone");
            assertThat(jdbc.sql(
                                    "select count(*) from outbox_message where template = 'p2p-text' and recipient in (?, ?)")
                            .params("+17855550201", "+17855550202")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);

            // Dee answers; Twilio posts the reply to the webhook, signed
            Map<String, String> reply = Map.of(
                    "MessageSid", "SMtextingbrowser1",
                    "AccountSid", "AC-test",
                    "From", "+17855550201",
                    "To", "+15125550100",
                    "Body", "Yes, I will vote");
            HttpResponse<String> webhook = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base() + "/twilio/sms"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header(
                                            "X-Twilio-Signature",
                                            TwilioForms.sign(AUTH_TOKEN, PUBLIC + "/twilio/sms", reply))
                                    .POST(HttpRequest.BodyPublishers.ofString(TwilioForms.encode(reply)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);

            driver.get(base() + "/me/text/" + cycle + "/" + dee);
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains("Hi Dee, will you vote Tuesday?", "Dee Topeka: Yes, I will vote", "Thank you!");
            fits(browser, "text-conversation-phone");
        }
    }

    private static void click(WebDriver driver, By button) {
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
