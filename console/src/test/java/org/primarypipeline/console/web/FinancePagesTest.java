package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.fundraising.DonationCheckout;
import org.primarypipeline.fundraising.DonationLedger;
import org.primarypipeline.fundraising.Donors;
import org.primarypipeline.fundraising.FundraiserActivitiesImpl;
import org.primarypipeline.fundraising.FundraisingSettings;
import org.primarypipeline.fundraising.StripeGateway;
import org.primarypipeline.fundraising.StripeWebhooks;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.testing.Fundraising;
import org.primarypipeline.testing.StripeStub;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.util.HtmlUtils;

/**
 * The finance pages over HTTP against the whole app: a fundraiser launched and paid into through the
 * fundraising components (Stripe served by a local stub, the app's database) is listed with what it
 * raised, its report shows the period's totals, days, CSVs and a sign-off form that freezes the period;
 * all inside the console's layout and its Content-Security-Policy.
 */
class FinancePagesTest extends ConsoleTestSupport {

    private static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");
    private static final String WEEK = "?from=2026-05-01&to=2026-05-07";
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>");

    private static StripeStub stripe;
    private static Long fundraiser;

    @Autowired
    CycleRepository cycles;

    @Autowired
    CandidacyRepository candidacies;

    @Autowired
    Outbox outbox;

    @Autowired
    Donors donors;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterAll
    static void stopStripe() {
        if (stripe != null) {
            stripe.close();
        }
    }

    /** Launches the fundraiser and books two gifts and a partial refund, once for the class. */
    private long fundraiser() {
        if (fundraiser != null) {
            return fundraiser;
        }
        stripe = new StripeStub().products("prod_OR05", false).checkoutSessions();
        Clock clock = Fundraising.clockAt(NOW.toString());
        FundraisingSettings settings = FundraisingSettings.unconfigured()
                .withStripe(StripeStub.SECRET_KEY, StripeStub.WEBHOOK_SECRET, stripe.apiBase());
        StripeGateway gateway = new StripeGateway(settings);
        DonationLedger ledger = new DonationLedger(jdbc, outbox, settings, clock);
        DonationCheckout checkout = new DonationCheckout(jdbc, donors, gateway, ledger, transactions);
        StripeWebhooks webhooks = new StripeWebhooks(jdbc, ledger, settings, transactions, clock);
        String cycle = cycles.create("cd2026", "OR-05", CycleSettings.defaults(), "alice", NOW)
                .id();
        long candidacy = candidacies.nominate(cycle, "Fern <i>Ash</i>", "fern.ash@example.org", null);
        // as the cycle workflow does after certification: the fundraiser stage launches it, then the cycle completes
        // (so this cycle is not left running among the other console tests' cycles)
        cycles.enterStage(cycle, CycleStage.FUNDRAISER_LAUNCH, null, 0, "fundraiser launch", "finance-test-stage");
        long id = new FundraiserActivitiesImpl(jdbc, cycles, outbox, gateway, transactions, clock)
                .launch(cycle, candidacy);
        cycles.finish(cycle, CycleStatus.COMPLETED, null);
        pay(checkout, webhooks, id, "fin_amy", "Amy Finch", 15_000, Instant.parse("2026-05-02T10:00:00Z"));
        pay(checkout, webhooks, id, "fin_bob", "Bob Wren", 5_000, Instant.parse("2026-05-04T11:00:00Z"));
        deliver(webhooks, "evt_fin_bob_refund", "charge.refunded", Instant.parse("2026-05-05T09:00:00Z"), """
                {"id": "ch_fin_bob", "object": "charge", "amount": 5000, "amount_refunded": 2000, "payment_intent": "pi_fin_bob"}""");
        fundraiser = id;
        return id;
    }

    private static void pay(
            DonationCheckout checkout,
            StripeWebhooks webhooks,
            long id,
            String key,
            String name,
            long cents,
            Instant at) {
        DonationCheckout.ToPayment toPay = (DonationCheckout.ToPayment)
                checkout.start(Fundraising.form(id, cents, name, "1 " + key + " Street", "78701", "Acme", "Baker"));
        deliver(webhooks, "evt_pi_" + key, "payment_intent.succeeded", at, """
                {"id": "pi_%1$s", "object": "payment_intent", "amount": %2$d, "amount_received": %2$d, "latest_charge": "ch_%1$s",
                 "metadata": {"pp_intent_id": "%3$d"}, "status": "succeeded"}""".formatted(key, cents, toPay.intentId()));
    }

    private static void deliver(StripeWebhooks webhooks, String eventId, String type, Instant created, String object) {
        String payload = StripeStub.event(eventId, type, created, object);
        webhooks.receive(payload, StripeStub.sign(payload, StripeStub.WEBHOOK_SECRET, NOW));
    }

    @Test
    void theListShowsEachFundraiserWithWhatItRaisedAndLinksToItsReport() throws Exception {
        long id = fundraiser();
        ConsoleHttp fiona = new ConsoleHttp(base());
        fiona.signIn("fiona", password("fiona"));
        HttpResponse<String> page = fiona.get("/finance");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertInLayoutWithoutInlineCode(page);
        assertThat(html).contains("<a href=\"/finance\" aria-current=\"page\">Finance</a>");
        Matcher row = Pattern.compile("<tr data-fundraiser=\"" + id + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        assertThat(row.find()).as("a row for fundraiser " + id).isTrue();
        assertThat(row.group(1))
                .contains("href=\"/finance/fundraisers/" + id + "\"")
                .contains("Fern &lt;i&gt;Ash&lt;/i&gt;")
                .doesNotContain("<i>Ash")
                .contains("OR-05")
                .contains("<td class=\"num\" data-raised>$180</td>")
                .contains("never")
                .contains("not yet");

        // signing off the whole of last month (it has ended) turns the month's column to signed off
        java.time.YearMonth last = java.time.YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        HttpResponse<String> signed = fiona.form(
                "/finance/fundraisers/" + id + "/sign-off",
                fiona.csrf("/finance"),
                Map.of(
                        "from",
                        last.atDay(1).toString(),
                        "to",
                        last.atEndOfMonth().toString()));
        assertThat(signed.statusCode()).isEqualTo(302);
        Matcher after = Pattern.compile("<tr data-fundraiser=\"" + id + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(fiona.get("/finance").body());
        assertThat(after.find()).isTrue();
        assertThat(after.group(1))
                .contains("<span class=\"ok\">signed off</span>")
                .contains(last.atEndOfMonth().toString());
    }

    @Test
    void theReportShowsThePeriodsTotalsDaysAndDownloadsAndSignsOffOnce(@TempDir Path home) throws Exception {
        long id = fundraiser();
        ConsoleHttp fiona = new ConsoleHttp(base());
        fiona.signIn("fiona", password("fiona"));
        HttpResponse<String> page = fiona.get("/finance/fundraisers/" + id + WEEK);
        assertThat(page.statusCode()).isEqualTo(200);
        assertInLayoutWithoutInlineCode(page);
        String html = page.body();
        assertThat(html).contains("<a href=\"/finance\" aria-current=\"page\">Finance</a>");
        assertThat(html)
                .contains(
                        "<dt>Gross</dt><dd class=\"num\">$200</dd>",
                        "<dt>Refunds</dt><dd class=\"num late\">-$20</dd>",
                        "<dt>Net</dt><dd class=\"num\">$180</dd>",
                        "<dt>Donations</dt><dd class=\"num\">2</dd>",
                        "Open: not signed off.");
        assertThat(html).contains("value=\"2026-05-01\"", "value=\"2026-05-07\"", "method=\"get\"");
        // the chart's data travels in a JSON block, one entry per day of the period
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"daily-data\">(.*?)</script>")
                .matcher(html);
        assertThat(data.find()).isTrue();
        assertThat(data.group(1))
                .contains("\"2026-05-01\"", "\"2026-05-07\"")
                .contains("150.0")
                .contains("-20.0");
        assertThat(html).contains("data-chart=\"money-days\" data-source=\"daily-data\"");

        String unescaped = HtmlUtils.htmlUnescape(html);
        String csvHref = "/finance/fundraisers/" + id + "/report.csv" + WEEK;
        assertThat(unescaped)
                .contains(
                        "href=\"" + csvHref + "\"",
                        "href=\"/finance/fundraisers/" + id + "/schedule-a.csv" + WEEK + "\"");
        HttpResponse<String> csv = fiona.get(csvHref);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).contains(id + ",2026-05-01,2026-05-07,200.00,-20.00,0.00,0.00,180.00,0.00,2,,");
        assertThat(fiona.get("/finance/fundraisers/" + id + "/schedule-a.csv" + WEEK)
                        .body())
                .startsWith("receipt_id,");
        // the FEC electronic filing of the same period: header, Form 3 summary, FS-separated
        String fecHref = "/finance/fundraisers/" + id + "/report.fec" + WEEK;
        assertThat(unescaped).contains("href=\"" + fecHref + "\"");
        HttpResponse<String> fec = fiona.get(fecHref);
        assertThat(fec.statusCode()).isEqualTo(200);
        assertThat(fec.headers().firstValue("Content-Disposition").orElseThrow())
                .contains(".fec");
        assertThat(fec.body()).startsWith("HDR\u001cFEC\u001c8.4\u001c").contains("\nF3N\u001c");
        // and the same file from the shell, as the signed-in finance volunteer
        PpShell shell = new PpShell(base(), home.resolve("fiona"));
        assertThat(shell.login("fiona", password("fiona")).exit()).isZero();
        Path file = home.resolve("week.fec");
        PpShell.Run exported = shell.pp(
                "finance",
                "export-fec",
                "--fundraiser",
                Long.toString(id),
                "--from",
                "2026-05-01",
                "--to",
                "2026-05-07",
                "--out",
                file.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("wrote " + file);
        assertThat(Files.readString(file)).isEqualTo(fiona.get(fecHref).body());

        // the week has ended (by the app's clock), so it can be signed off, with the console's CSRF token
        assertThat(html)
                .contains("action=\"/finance/fundraisers/" + id + "/sign-off\"")
                .contains("name=\"_csrf\"");
        HttpResponse<String> signed = fiona.form(
                "/finance/fundraisers/" + id + "/sign-off",
                fiona.csrf("/finance/fundraisers/" + id + WEEK),
                Map.of("from", "2026-05-01", "to", "2026-05-07"));
        assertThat(signed.statusCode()).isEqualTo(302);
        String back = signed.headers().firstValue("Location").orElseThrow();
        assertThat(back).endsWith("/finance/fundraisers/" + id + WEEK);
        String after = fiona.get("/finance/fundraisers/" + id + WEEK).body();
        assertThat(after)
                .contains("Signed off 2026-05-01 to 2026-05-07: net $180 from 2 donations.")
                .contains("Signed off by fiona")
                .doesNotContain("id=\"sign-off\"");
        assertThat(after).contains("<td>2026-05-01</td><td>2026-05-07</td><td>fiona</td>");
        assertThat(jdbc.sql("""
                select outcome || ' ' || detail || ' ' || (after_state ->> 'netCents') from audit_log
                where actor = 'fiona' and action = 'finance.sign-off' and target = ?""").param("fundraiser " + id).query(String.class).list())
                .containsExactly("DONE 2026-05-01 to 2026-05-07 frozen 18000");

        // an overlapping period is refused with the reason, and nothing more is stored
        HttpResponse<String> again = fiona.form(
                "/finance/fundraisers/" + id + "/sign-off",
                fiona.csrf("/finance"),
                Map.of("from", "2026-05-07", "to", "2026-05-08"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(fiona.get("/finance/fundraisers/" + id + "?from=2026-05-07&to=2026-05-08")
                        .body())
                .contains("Not signed off: overlaps the signed-off period 2026-05-01 to 2026-05-07 (signed by fiona)");
        assertThat(jdbc.sql(
                                "select count(*) from period_signoff where fundraiser_id = ? and period_start < '2026-06-01'")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "select count(*) from audit_log where action = 'finance.sign-off' and outcome = 'REFUSED' and target = ?")
                        .param("fundraiser " + id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(fiona.form(
                                "/finance/fundraisers/" + id + "/sign-off",
                                fiona.csrf("/finance"),
                                Map.of("from", "2026-05-08"))
                        .statusCode())
                .isEqualTo(400);

        // the month so far cannot be signed off yet: no form, a reason
        String open = fiona.get("/finance/fundraisers/" + id).body();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(open)
                .contains("value=\"" + today.withDayOfMonth(1) + "\"")
                .doesNotContain("id=\"sign-off\"")
                .contains("id=\"sign-off-later\"");
    }

    @Test
    void aBadFundraiserGetsTheConsolesErrorPageAndABadPeriodASentenceBesideTheField() throws Exception {
        long id = fundraiser();
        ConsoleHttp ada = new ConsoleHttp(base());
        ada.signIn("ada", password("ada"));
        HttpResponse<String> missing = ada.get("/finance/fundraisers/999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body())
                .contains("id=\"error-message\">There is no fundraiser 999999.")
                .contains("class=\"nav\"");
        assertThat(ada.get("/finance/fundraisers/abc").statusCode()).isEqualTo(404);
        HttpResponse<String> backwards = ada.get("/finance/fundraisers/" + id + "?from=2026-05-07&to=2026-05-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body())
                .contains("A period runs forwards and at most three years; 2026-05-07 to 2026-05-01 does not.")
                .as("the sentence stands beside the period's fields on the report, not on a page about roles")
                .contains("id=\"period-error\"", "id=\"period-form\"")
                .doesNotContain("ask an admin", "id=\"error-title\"");
        assertInLayoutWithoutInlineCode(backwards);
        HttpResponse<String> unreadable = ada.get("/finance/fundraisers/" + id + "?from=May+1st");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).contains("Give the period&#39;s days as YYYY-MM-DD");
    }

    @Test
    void onlyFinanceAndAdminsSeeTheFinanceNavEntryAndPages() throws Exception {
        for (String user : ROLES.keySet()) {
            ConsoleHttp session = new ConsoleHttp(base());
            session.signIn(user, password(user));
            boolean allowed = user.equals("ada") || user.equals("fiona");
            assertThat(session.get("/").body().contains("<a href=\"/finance\""))
                    .as(user)
                    .isEqualTo(allowed);
            assertThat(session.get("/finance").statusCode()).as(user).isEqualTo(allowed ? 200 : 403);
        }
    }

    @Test
    void inABrowserTheChartIsDrawnTheControlsAreLabelledAndThePagesFitAPhone() throws Exception {
        long id = fundraiser();
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver;
            driver.get(base() + "/login");
            driver.findElement(By.id("username")).sendKeys("fiona");
            driver.findElement(By.id("password")).sendKeys(password("fiona"));
            driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                    .click();
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(d -> !d.getCurrentUrl().endsWith("/login"));
            driver.findElement(By.linkText("Finance")).click();
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(d -> d.getCurrentUrl().endsWith("/finance"));
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("finance");
            driver.findElement(By.cssSelector("a[href='/finance/fundraisers/" + id + "']"))
                    .click();
            WebElement from =
                    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("from")));
            // the period form is a plain GET form: set the week and show it
            browser.js("arguments[0].value = '2026-05-01'; document.getElementById('to').value = '2026-05-07';", from);
            driver.findElement(By.cssSelector("#period-form button[type=submit]"))
                    .click();
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(d -> d.getCurrentUrl().contains("from=2026-05-01"));
            // app.js drew the chart from the data block, under the Content-Security-Policy
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(
                            d -> Boolean.TRUE.equals(
                                    browser.js(
                                            "return typeof Chart !== 'undefined' && !!Chart.getChart(document.getElementById('daily-chart'));")));
            assertThat(browser.js(
                            "return Chart.getChart(document.getElementById('daily-chart')).data.datasets[0].data[1];"))
                    .isEqualTo(150L);
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("finance-report");
            driver.manage().window().setSize(Browser.PHONE);
            try {
                for (String page : java.util.List.of("/finance", "/finance/fundraisers/" + id + WEEK)) {
                    driver.get(base() + page);
                    assertThat(browser.overflowingElements())
                            .as(page + " fits a 390px wide screen")
                            .isEmpty();
                }
                browser.screenshot("phone-finance-report");
            } finally {
                driver.manage().window().setSize(Browser.LAPTOP);
            }
        }
    }

    /** The page is in the console's layout, and its header and HTML keep to the no-inline-code policy. */
    private static void assertInLayoutWithoutInlineCode(HttpResponse<String> page) {
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "style-src 'self'").doesNotContain("unsafe-inline");
        String html = page.body();
        assertThat(html).contains("<nav aria-label=\"Main\">", "href=\"/console/app.css\"", "<main id=\"main\"");
        assertThat(html).doesNotContain("style=").doesNotContain("<style");
        Matcher tag = SCRIPT_TAG.matcher(html);
        while (tag.find()) {
            assertThat(tag.group(1))
                    .as("every script is a file or a data block")
                    .containsAnyOf(" src=", "type=\"application/json\"");
        }
    }
}
