package org.acuteflow.workbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.acuteflow.cli.Main;
import org.acuteflow.model.FlowModelFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workbench end to end in headless Chromium, as a planner would use it on the London network: open the app,
 * take current-2008 as the baseline and concentrated-2010 as the scenario's starting configuration, close St
 * Mary's A&E on the map, run a short experiment, read the delta table and the change map, save the
 * experiment, then run the saved file with {@code acuteflow run} and find summary.csv, replications.csv and
 * differences.csv byte for byte the same. Screenshots go to target/workbench-e2e/. The browser console must
 * show no error. Debian's chromium and chromium-driver come from .ci/install-chromium; without them the test is
 * skipped, except in CI (CI=true), where their absence is a failure. Slow tier: a London run takes a minute.
 */
@Tag("slow")
class WorkbenchBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ST_MARYS = "W21NY";

    @Test
    void closeAnAeRunSaveAndRerunFromTheCommandLine() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("chromium and chromium-driver are not installed; CI must run .ci/install-chromium first");
            }
            Assumptions.assumeTrue(false, "chromium or chromium-driver not installed (run .ci/install-chromium)");
        }
        Path out = clean(Path.of("target", "workbench-e2e").toAbsolutePath());
        Path results = Files.createDirectories(out.resolve("results"));
        Path experiments = Files.createDirectories(out.resolve("experiments"));
        try (WorkbenchServer server = new WorkbenchServer(Path.of("networks", "london"), results, experiments,
                new FlowModelFactory()).start("127.0.0.1", 0)) {
            WebDriver driver = chrome();
            try {
                String base = "http://127.0.0.1:" + server.port() + "/";
                Path resultDir = results.resolve(browse(driver, base, out));
                Path saved = Path.of(driver.findElement(By.id("saved")).getAttribute("data-file"));
                assertTrue(Files.isRegularFile(saved), "the experiment file was written: " + saved);
                String yaml = Files.readString(saved);
                assertTrue(yaml.contains("site: " + ST_MARYS) && yaml.contains("service: type1_ae")
                        && yaml.contains("service: mtc"), "closing the A&E withdraws it and the MTC:\n" + yaml);
                assertTrue(yaml.contains("configuration: current-2008") && yaml.contains("configuration: concentrated-2010"),
                        "baseline and scenario on their own configurations:\n" + yaml);

                Path cli = out.resolve("cli");
                StringWriter err = new StringWriter();
                int code = Main.execute(new String[] {"run", saved.toString(), "--out", cli.toString(), "--quiet"},
                        new PrintWriter(new StringWriter()), new PrintWriter(err));
                assertEquals(Main.OK, code, err.toString());
                for (String f : List.of("summary.csv", "replications.csv", "differences.csv")) {
                    assertArrayEquals(Files.readAllBytes(resultDir.resolve(f)), Files.readAllBytes(cli.resolve(f)),
                            f + " of the workbench run and of 'acuteflow run' on the saved file");
                }
                List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
                assertTrue(errors.isEmpty(), "browser console errors: " + errors);
            } finally {
                driver.quit();
            }
        }
    }

    /** Drives the page; returns the results folder of the run, relative to the results root. */
    private static String browse(WebDriver driver, String url, Path out) throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        driver.get(url);
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertEquals("concentrated-2010", new Select(driver.findElement(By.id("configuration")))
                .getFirstSelectedOption().getText());
        List<WebElement> sites = driver.findElements(By.cssSelector(".site-marker[data-site]"));
        assertEquals(47, sites.size(), "every London site is a marker");
        Object polygons = ((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll('.leaflet-overlay-pane canvas').length");
        assertTrue(((Number) polygons).intValue() >= 1, "zone polygons are drawn");
        shot(driver, out.resolve("1-network.png"));
        // Site names never overlap on the map: the visible labels' boxes are disjoint and cover no other marker.
        Object overlaps = ((JavascriptExecutor) driver).executeScript(
                "const m = [...document.querySelectorAll('.site-marker')].map(e => ({"
                        + " l: e.querySelector('.label'), d: e.querySelector('.dot').getBoundingClientRect() }));"
                        + "const v = m.filter(x => getComputedStyle(x.l).visibility !== 'hidden')"
                        + ".map(x => ({ r: x.l.getBoundingClientRect(), d: x.d }));"
                        + "const o = (a, b) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;"
                        + "let n = 0; for (let i = 0; i < v.length; i++) { for (let j = i + 1; j < v.length; j++)"
                        + " if (o(v[i].r, v[j].r)) n++;"
                        + " for (const x of m) if (x.d !== v[i].d && o(v[i].r, x.d)) n++; }"
                        + " return [n, v.length];");
        assertEquals(0L, ((List<?>) overlaps).get(0), "names overlapping a name or a marker on the map");
        assertTrue(((Number) ((List<?>) overlaps).get(1)).intValue() >= 10, "names shown: " + overlaps);

        new Select(driver.findElement(By.id("configuration"))).selectByValue("current-2008");
        new Select(driver.findElement(By.id("scenario-configuration"))).selectByValue("concentrated-2010");
        assertTrue(driver.findElement(By.id("configuration-info")).getText().contains("Scenario concentrated-2010"),
                driver.findElement(By.id("configuration-info")).getText());

        setValue(driver, "name", "browser-e2e");
        setValue(driver, "days", "2");
        setValue(driver, "replications", "2");
        driver.findElement(By.cssSelector(".site-marker[data-site='" + ST_MARYS + "']")).click();
        WebElement closeAe = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".site-popup .close-ae")));
        shot(driver, out.resolve("2-site-popup.png"));
        closeAe.click();
        String changes = driver.findElement(By.id("changes")).getText();
        assertTrue(changes.contains("Withdraw type1_ae at St Mary's") && changes.contains("Withdraw mtc at St Mary's"),
                changes);
        assertTrue(driver.findElement(By.cssSelector(".site-marker[data-site='" + ST_MARYS + "']"))
                .getAttribute("class").contains("changed"), "the changed site is marked");

        driver.findElement(By.id("run")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#runs li[data-run]")));
        shot(driver, out.resolve("3-running.png"));
        WebDriverWait long_ = new WebDriverWait(driver, Duration.ofSeconds(300));
        long_.until(d -> !d.findElements(By.cssSelector("#runs li[data-state='done'], #runs li[data-state='failed']")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("#runs li[data-state='failed']")).isEmpty(),
                driver.findElement(By.id("runs")).getText());
        WebElement deaths = long_.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#delta-table td[data-metric='deaths_total']")));
        assertTrue(deaths.getText().matches("[+−-]?[0-9.,]+ \\(.+ to .+\\)"), deaths.getText());
        assertTrue(driver.findElement(By.id("map-title")).getText().startsWith("Change in stroke travel minutes"));
        assertFalse(driver.findElements(By.cssSelector("#site-table tr[data-site='" + ST_MARYS + "']")).isEmpty());
        for (String column : List.of("diverts_from_per_year_mean", "door_to_needle_minutes_median_mean",
                "expected_deaths_per_year_mean", "ed_patients_mean")) {
            assertFalse(driver.findElements(By.cssSelector("#site-table td[data-measure='" + column + "']")).isEmpty(),
                    "the hospital table shows " + column);
        }
        assertFalse(driver.findElements(By.cssSelector("#borough-table tr[data-area='Westminster']")).isEmpty());
        shot(driver, out.resolve("4-results-travel.png"));
        new Select(driver.findElement(By.id("change-measure"))).selectByValue("deaths");
        assertTrue(driver.findElement(By.id("map-title")).getText().startsWith("Change in deaths per 100,000"));
        shot(driver, out.resolve("5-results-deaths.png"));
        new Select(driver.findElement(By.id("change-measure"))).selectByValue("admissions");
        assertTrue(driver.findElement(By.id("map-title")).getText().startsWith("Change in site admissions"));
        shot(driver, out.resolve("6-results-admissions.png"));
        String folder = new Select(driver.findElement(By.id("result-folder"))).getFirstSelectedOption().getText();
        assertTrue(folder.startsWith("browser-e2e/"), folder);

        driver.findElement(By.cssSelector(".tabs button[data-tab='scenario']")).click();
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
        shot(driver, out.resolve("7-saved.png"));
        return folder;
    }

    private static void setValue(WebDriver driver, String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    private static WebDriver chrome() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1500,950", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The driver is named explicitly, so Selenium never looks for (or downloads) one itself.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void shot(WebDriver driver, Path file) throws IOException {
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static Path clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
