package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.primarypipeline.console.PaymentsOnApp;
import org.primarypipeline.console.users.ConsoleUsers;
import org.primarypipeline.console.users.Role;
import org.primarypipeline.console.users.UserAdministration;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.fundraising.ContributionForm;
import org.primarypipeline.fundraising.DonationCheckout;
import org.primarypipeline.fundraising.FundraiserActivitiesImpl;
import org.primarypipeline.testing.StripeStub;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 24's browser test, in the app with payments on ({@link PaymentsOnApp}: the app's own Stripe calls
 * go to the local stub, its webhook endpoint checks the stub's signatures). A monthly donor opens the link
 * from their receipt on a phone, lowers the amount, then cancels; Stripe (the stub) is asked to cancel the
 * subscription, an {@code invoice.paid} Stripe sends anyway afterwards books nothing, and the finance page
 * (desktop) shows the change and the cancellation. Finance then cancels a second donor's monthly gift from
 * the report, through the same command, audited as theirs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GiftBrowserTest extends PaymentsOnApp {

    private static final String FINANCE = "fin-nv-gifts";
    private static final java.util.function.Supplier<Instant> NEXT_MONTH =
            () -> Instant.now().plus(Duration.ofDays(30));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CycleRepository cycles;

    @Autowired
    CandidacyRepository candidacies;

    @Autowired
    FundraiserActivitiesImpl fundraisers;

    @Autowired
    DonationCheckout checkout;

    @Autowired
    UserAdministration administration;

    @Autowired
    ConsoleUsers users;

    private final HttpClient http = HttpClient.newHttpClient();
    private Browser browser;
    private WebDriver driver;

    @BeforeAll
    void openBrowser() throws Exception {
        if (users.find(FINANCE).isEmpty()) {
            administration.addFromCommandLine(
                    "test",
                    FINANCE,
                    Role.FINANCE,
                    ConsoleTestSupport.password(FINANCE).toCharArray());
        }
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
    void aMonthlyDonorLowersThenCancelsAndNoInvoiceIsBookedAfter() throws Exception {
        String cycle = cycles.create("cd2026", "NV-01", CycleSettings.defaults(), "alice", Instant.now())
                .id();
        long candidacy = candidacies.nominate(cycle, "Nia Vega", "nia.vega.nv01@example.org", null);
        long fundraiser = fundraisers.launch(cycle, candidacy);
        long intent = monthlyGift(fundraiser, "Mona Nthly", "mona.nv01@example.org", "sub_nv01_mona", 5_000);
        long other = monthlyGift(fundraiser, "Otto Phoner", "otto.nv01@example.org", "sub_nv01_otto", 2_500);
        String link = jdbc.sql("""
                select model ->> 'manageUrl' from outbox_message
                where template = 'donation-receipt' and recipient = 'mona.nv01@example.org' order by id desc limit 1""").query(String.class).single();
        assertThat(link).as("the receipt in the donor's inbox carries the link").contains("/fundraisers/gift/");

        // on a phone: open the link, lower the amount, cancel
        driver.manage().window().setSize(Browser.PHONE);
        driver.get(base() + URI.create(link).getPath());
        assertThat(text("h1")).isEqualTo("Your gift");
        assertThat(text("body")).contains("$50");
        assertThat(browser.overflowingElements()).isEmpty();
        WebElement amount = driver.findElement(By.id("amount"));
        amount.clear();
        amount.sendKeys("20");
        click("change-amount");
        assertThat(text("#gift-done")).isNotEmpty();
        assertThat(text("body")).contains("$20").doesNotContain("$50");
        List<String> updates = stripe().posts("/v1/subscriptions/sub_nv01_mona").stream()
                .map(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8))
                .toList();
        assertThat(updates).singleElement().asString().contains("[unit_amount]=2000", "proration_behavior=none");

        click("cancel-gift");
        assertThat(driver.findElements(By.id("gift-cancelled"))).hasSize(1);
        assertThat(driver.findElements(By.id("cancel-gift"))).isEmpty();
        assertThat(stripe().deletes("/v1/subscriptions/sub_nv01_mona"))
                .as("the subscription is cancelled at Stripe, once")
                .hasSize(1);
        browser.screenshot("gift-cancelled-phone");

        // the next invoice.paid never comes; one sent anyway (next month's) books nothing
        HttpResponse<String> late = webhook(
                "evt_nv01_mona_in2",
                "invoice.paid",
                NEXT_MONTH.get(),
                invoice("in_nv01_mona_2", "sub_nv01_mona", 2_000));
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).contains("\"ignored\"");
        assertThat(count("select count(*) from donation where intent_id = " + intent))
                .isEqualTo(1L);

        // desktop: the cancelled gift's page, then finance's report
        driver.manage().window().setSize(Browser.LAPTOP);
        driver.navigate().refresh();
        assertThat(driver.findElements(By.id("gift-cancelled"))).hasSize(1);
        assertThat(browser.overflowingElements()).isEmpty();
        signIn();
        driver.get(base() + "/finance/fundraisers/" + fundraiser);
        assertThat(text("#gift-changes"))
                .contains("Mona Nthly", "monthly gift cancelled by the donor", "monthly amount changed", "$50", "$20");
        assertThat(text("#monthly-gifts")).contains("Otto Phoner", "$25").doesNotContain("Mona Nthly");

        // finance cancels Otto's gift for him (he phoned): the same command, audited as finance's
        browser.js("window.confirm = function () { return true; };");
        click("cancel-gift-" + other);
        assertThat(text("#flash")).contains("cancelled");
        assertThat(text("#monthly-gifts")).contains("No monthly gift is running");
        assertThat(text("#gift-changes")).contains("Otto Phoner", "monthly gift cancelled by finance");
        assertThat(stripe().deletes("/v1/subscriptions/sub_nv01_otto")).hasSize(1);
        assertThat(count("select cancelled_by from contribution_intent where id = " + other))
                .isEqualTo("STAFF");
        assertThat(count("select count(*) from audit_log where action = 'gift.cancel' and actor = '" + FINANCE
                        + "' and target = 'contribution " + other + "' and outcome = 'DONE'"))
                .isEqualTo(1L);
        assertThat(webhook(
                                "evt_nv01_otto_in2",
                                "invoice.paid",
                                NEXT_MONTH.get(),
                                invoice("in_nv01_otto_2", "sub_nv01_otto", 2_500))
                        .body())
                .contains("\"ignored\"");
        assertThat(count("select count(*) from donation where intent_id = " + other))
                .isEqualTo(1L);
        browser.screenshot("finance-gift-cancelled");
    }

    /** A monthly gift started as the donation page starts it, then paid once (Checkout and the first invoice). */
    private long monthlyGift(long fundraiser, String name, String email, String subscription, long cents)
            throws Exception {
        ContributionForm form = new ContributionForm(
                fundraiser,
                cents,
                true,
                "PRIMARY",
                name,
                email,
                "8 Gift Way",
                null,
                "Las Vegas",
                "NV",
                "89101",
                "Acme",
                "Baker",
                true,
                true,
                true,
                true,
                "127.0.0.1",
                "test");
        long intent = ((DonationCheckout.ToPayment) checkout.start(form)).intentId();
        assertThat(webhook("evt_" + subscription + "_cs", "checkout.session.completed", """
                        {"id": "cs_%s", "object": "checkout.session", "mode": "subscription", "status": "complete",
                         "payment_status": "paid", "amount_total": %d, "metadata": {"pp_intent_id": "%d"},
                         "payment_intent": null, "subscription": "%s"}""".formatted(
                                        subscription, cents, intent, subscription))
                        .body())
                .contains("\"applied\"");
        assertThat(webhook(
                                "evt_" + subscription + "_in1",
                                "invoice.paid",
                                invoice("in_" + subscription + "_1", subscription, cents))
                        .body())
                .contains("\"applied\"");
        return intent;
    }

    private static String invoice(String id, String subscription, long cents) {
        return """
                {"id": "%s", "object": "invoice", "amount_paid": %d, "status": "paid",
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "%s"}}}""".formatted(id, cents, subscription);
    }

    /** An event as Stripe sends it to the app's endpoint: dated and signed now, over HTTP. */
    private HttpResponse<String> webhook(String id, String type, String object) throws Exception {
        return webhook(id, type, Instant.now(), object);
    }

    /** An event Stripe dated {@code created} (whole seconds, as Stripe dates them), signed now. */
    private HttpResponse<String> webhook(String id, String type, Instant created, String object) throws Exception {
        Instant now = Instant.now();
        String payload = StripeStub.event(id, type, created, object);
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + "/webhooks/stripe"))
                        .header("Content-Type", "application/json")
                        .header("Stripe-Signature", StripeStub.sign(payload, StripeStub.WEBHOOK_SECRET, now))
                        .POST(HttpRequest.BodyPublishers.ofString(payload))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void signIn() {
        driver.get(base() + "/login");
        driver.findElement(By.id("username")).sendKeys(FINANCE);
        driver.findElement(By.id("password")).sendKeys(ConsoleTestSupport.password(FINANCE));
        WebElement submit = driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"));
        submit.click();
        Browser.waitUntilGone(driver, submit);
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Clicks and waits for the next page to replace this one. */
    private void click(String id) {
        WebElement button = driver.findElement(By.id(id));
        button.click();
        Browser.waitUntilGone(driver, button);
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.tagName("h1")).isEmpty());
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText().trim();
    }

    private Object count(String sql) {
        return jdbc.sql(sql).query().singleValue();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
