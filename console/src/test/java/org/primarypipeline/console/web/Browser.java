package org.primarypipeline.console.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver: never a downloaded browser. Without
 * them the browser tests are skipped on a developer's machine and fail under CI (the CI variable set),
 * where {@code .ci/run} installs them.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Dimension LAPTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    final WebDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(WebDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /**
     * Waits until {@code old} (an element of the page a click is leaving) is gone. Chromium reports a
     * node of a page already left either as stale or, mid-navigation, as "does not belong to the
     * document" (a plain WebDriverException): both mean the old page is gone.
     */
    static void waitUntilGone(org.openqa.selenium.WebDriver driver, org.openqa.selenium.WebElement old) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30)).until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    static Browser start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing =
                    "Debian's chromium and chromium-driver are needed (apt-get install chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        Path profile = Files.createTempDirectory("pp-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=" + LAPTOP.width + "," + LAPTOP.height,
                "--force-device-scale-factor=1",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, service, profile);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A screenshot of the whole page (the window is made as tall as the page for it) into target/screenshots. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Dimension before = driver.manage().window().getSize();
        long height = ((Number)
                        js("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);"))
                .longValue();
        driver.manage().window().setSize(new Dimension(before.width, (int)
                Math.min(6000, Math.max(before.height, height + 140))));
        try {
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    file,
                    StandardCopyOption.REPLACE_EXISTING);
            return file;
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /**
     * Accessibility checks a page can fail: every form control has a label, and every piece of text has
     * at least WCAG AA contrast (4.5:1, or 3:1 for large text) against the background it sits on.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityProblems() {
        return (List<String>) js("""
                const problems = [];
                for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
                  const labelled = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
                  if (!labelled) problems.push('no label: ' + el.outerHTML.slice(0, 120));
                }
                const rgb = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
                  const p = m[1].split(',').map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
                const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
                const background = el => { for (let e = el; e; e = e.parentElement) {
                    const c = rgb(getComputedStyle(e).backgroundColor); if (c && c.a > 0.5) return c; }
                  return {r: 255, g: 255, b: 255, a: 1}; };
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const seen = new Set();
                while (walker.nextNode()) {
                  const el = walker.currentNode.parentElement;
                  if (!el || seen.has(el) || !walker.currentNode.textContent.trim()) continue;
                  seen.add(el);
                  const style = getComputedStyle(el);
                  if (style.visibility === 'hidden' || style.display === 'none' || el.closest('.visually-hidden, .skip, script, option')) continue;
                  const fg = rgb(style.color); if (!fg) continue;
                  const bg = background(el);
                  const l1 = lum(fg), l2 = lum(bg);
                  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                  const size = parseFloat(style.fontSize); const bold = parseInt(style.fontWeight) >= 700;
                  const needed = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
                  if (ratio < needed) problems.push('contrast ' + ratio.toFixed(2) + ' < ' + needed + ': "'
                      + walker.currentNode.textContent.trim().slice(0, 40) + '" in <' + el.tagName.toLowerCase() + ' class=' + el.className + '>');
                }
                return problems;
                """);
    }

    /**
     * Keyboard-only use: every control a person can use (links, buttons, fields; one stop per group of
     * radio buttons) is reached by pressing Tab from the top of the page, and shows where the focus is
     * (an outline or a shadow). Empty when the page can be used without a mouse.
     */
    @SuppressWarnings("unchecked")
    List<String> keyboardProblems() {
        long controls = ((Number) js("""
                        const groups = new Map();
                        let i = 0;
                        for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')) {
                          el.removeAttribute('data-kb');
                          if (el.disabled || el.getAttribute('tabindex') === '-1' || el.closest('[aria-hidden=true]')) continue;
                          if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
                          if (el.type === 'radio') {
                            if (!groups.has(el.name)) groups.set(el.name, i++);
                            el.setAttribute('data-kb', groups.get(el.name));
                            continue;
                          }
                          el.setAttribute('data-kb', i++);
                        }
                        if (document.activeElement) document.activeElement.blur();
                        window.scrollTo(0, 0);
                        return i;""")).longValue();
        java.util.Set<String> reached = new java.util.HashSet<>();
        List<String> problems = new java.util.ArrayList<>();
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(driver);
        for (int n = 0; n < 2 * controls + 10 && reached.size() < controls; n++) {
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            List<Object> focused = (List<Object>) js("""
                    const a = document.activeElement;
                    if (!a || !a.hasAttribute('data-kb')) return null;
                    const s = getComputedStyle(a);
                    const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
                    return [a.getAttribute('data-kb'), visible, a.outerHTML.slice(0, 100)];""");
            if (focused != null && reached.add((String) focused.get(0)) && !Boolean.TRUE.equals(focused.get(1))) {
                problems.add("focus not shown: " + focused.get(2));
            }
        }
        problems.addAll((List<String>) js("""
                const out = [];
                for (const el of document.querySelectorAll('[data-kb]')) {
                  if (!arguments[0].includes(el.getAttribute('data-kb'))) out.push('not reached by Tab: ' + el.outerHTML.slice(0, 100));
                }
                return out;""", List.copyOf(reached)));
        return problems;
    }

    /**
     * Elements that stick out past the window's right edge (so the page itself would scroll sideways);
     * wide tables scroll inside their own box and do not count. Empty when the page fits.
     */
    @SuppressWarnings("unchecked")
    List<String> overflowingElements() {
        return (List<String>) js("""
                const out = [];
                if (document.documentElement.scrollWidth <= window.innerWidth + 1) return out;
                for (const el of document.querySelectorAll('body *')) {
                  if (el.closest('.table-wrap') && !el.classList.contains('table-wrap')) continue;
                  const r = el.getBoundingClientRect();
                  if (r.right > window.innerWidth + 1) out.push('<' + el.tagName.toLowerCase() + ' id=' + el.id
                      + ' class=' + el.className + '> right edge ' + Math.round(r.right));
                }
                if (out.length) return out.slice(0, 10);
                // nothing's box reaches past the edge: then some box's content does (a long word, a pseudo-element)
                const spill = [];
                for (const el of document.querySelectorAll('body, body *')) {
                  if (el.closest('.table-wrap')) continue;
                  if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible') {
                    spill.push('<' + el.tagName.toLowerCase() + ' id=' + el.id + ' class=' + el.className + '> content '
                        + el.scrollWidth + 'px in ' + el.clientWidth + 'px: ' + (el.textContent || '').trim().slice(0, 80));
                  }
                }
                return ['page is ' + document.documentElement.scrollWidth + 'px wide'].concat(spill.slice(-5));
                """);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
