package cn.fupin.ledger.ops.disclosure;

import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.ops.app.ScreenChecks;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.BrowserInstalled;
import cn.fupin.ledger.ops.testing.Chromium;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.OneDatabaseSuffices;
import cn.fupin.ledger.ops.testing.PublicPagesCaughtUp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A villager opens the county's public page on a phone and on a desk screen, in a real browser (Debian's Chromium):
 * the summary comes first — the year's money, where it went, grant coverage, what is open for objection — its charts
 * are drawn (inline SVG, no script) with their tables beneath, the page needs no sideways scrolling, passes the
 * accessibility basics, and from "公示中" the villager reaches the open notice. The A4 print keeps the charts and the
 * tables. Screenshots: {@code target/browser-artefacts/public-county-*.png}. Fiscal year 2100 (provincial funds;
 * the HTTP test uses central and work-relief funds); 文昌镇 (510824117) and its 石昌村 (510824117201); households
 * T-8850….
 */
@LedgerTest
@ExtendWith(BrowserInstalled.class)
@OneDatabaseSuffices
class PublicCountyBrowserTest extends LedgerApiTest {

    static final int YEAR = 2100;
    static final String TOWNSHIP_NAME = "文昌镇";
    static final String VILLAGE = "510824117201";
    static final String PROJECT = "石昌村饮水安全巩固提升";
    static final Path ARTEFACTS = Path.of("target", "browser-artefacts");

    @TempDir
    Path profile;

    @Autowired
    ReadModelProgress progress;

    @Autowired
    EventStore eventStore;

    /** An appropriation, three households and an approved water project in 石昌村; returns the plan notice's id. */
    String anApprovedProject() {
        Ledger ledger = new Ledger(api);
        String provincial = ledger.appropriate(YEAR, "PROVINCIAL", 800_000, "文昌测〔2100〕1号");
        Api.Response poor = api.as("clerk").post("/api/places/villages/" + VILLAGE + "/poor-designations",
                "{\"year\": %d, \"documentNo\": \"%s\"}".formatted(YEAR, "文昌测〔2100〕9号"));
        assertThat(poor.status()).as(poor.toString()).isEqualTo(201);
        ledger.importHouseholds(IntStream.rangeClosed(8850, 8852)
                .mapToObj(n -> household(n).withVillageCode(VILLAGE)).toArray(Households.Row[]::new));
        String projectId = ledger.propose("clerk", project(PROJECT, "WATER", VILLAGE, "VILLAGE", YEAR,
                "[" + line(provincial, 250_000) + "]"));
        ledger.approve("approver", projectId);
        String plan = Ledger.planNotice(projectId);
        ledger.awaitNotice(plan);
        PublicPagesCaughtUp.awaitPages(progress, eventStore, jdbc);
        return plan;
    }

    @Test
    void aVillagerReadsTheSummaryOnAPhoneAndADeskScreenAndReachesTheOpenNotice() {
        String plan = anApprovedProject();

        try (Chromium chromium = Chromium.phone(profile)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get("http://127.0.0.1:" + port + "/disclosure/");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "苍溪县扶贫资金公告公示"));

            WebElement summary = browser.findElement(By.id("summary"));
            assertThat(summary.findElement(By.tagName("h2")).getText()).isEqualTo("一图看懂" + YEAR + "年度扶贫资金");
            assertThat(summary.findElements(By.cssSelector("ul.key-figures li"))).hasSize(4);
            assertThat(browser.findElements(By.tagName("script"))).isEmpty();
            assertChartsAreDrawnWithTheirTables(browser);
            assertThat(rowOf(browser, "chart-sources", "省级财政专项扶贫资金")).isEqualTo("80.00万元");
            assertThat(rowOf(browser, "chart-areas", "农田水利和饮水安全")).isEqualTo("25.00万元");
            assertThat(rowOf(browser, "chart-townships", TOWNSHIP_NAME)).isEqualTo("25.00万元");
            assertThat(rowOf(browser, "chart-coverage", TOWNSHIP_NAME)).isEqualTo("0.0%（0/3户）");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("public-county-phone.png"));

            chromium.asDesktop();
            browser.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chart-sources")));
            assertChartsAreDrawnWithTheirTables(browser);
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("public-county-desktop.png"));

            chromium.asA4Print();
            assertThat(browser.findElement(By.id("chart-sources")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector("nav.toc")).isDisplayed()).isFalse();
            chromium.screenshot(ARTEFACTS.resolve("public-county-print.png"));
            chromium.asPhone();

            browser.findElement(By.cssSelector("#open-notices a[href='notices/" + plan + ".html']")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), PROJECT + "项目计划公示"));
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("public-county-open-notice-phone.png"));

            browser.get("http://127.0.0.1:" + port + "/disclosure/years/" + YEAR + ".html");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "苍溪县" + YEAR + "年度扶贫资金公告公示"));
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("public-county-year-phone.png"));
        }
    }

    /** Every chart is drawn with a bar for each row of the table beneath it, and is no wider than the page. */
    static void assertChartsAreDrawnWithTheirTables(WebDriver browser) {
        for (String chart : List.of("chart-sources", "chart-areas", "chart-townships", "chart-coverage")) {
            WebElement svg = browser.findElement(By.id(chart));
            assertThat(svg.getSize().getHeight()).as(chart).isPositive();
            Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                    "const r = arguments[0].getBoundingClientRect(); return r.right - document.documentElement.clientWidth;",
                    svg);
            assertThat(overflow.doubleValue()).as(chart + " fits the width").isLessThanOrEqualTo(1);
            int bars = svg.findElements(By.cssSelector("rect.bar")).size();
            int rows = browser.findElements(By.xpath("//*[@id='" + chart
                    + "']/ancestor::figure/following-sibling::div[1]//tbody/tr")).size();
            assertThat(bars).as(chart).isPositive().isEqualTo(rows);
        }
    }

    /** The value beside a label in the table under a chart. */
    static String rowOf(WebDriver browser, String chart, String label) {
        return browser.findElement(By.xpath("//*[@id='" + chart + "']/ancestor::figure/following-sibling::div[1]"
                + "//tr[td[1][normalize-space()='" + label + "']]/td[2]")).getText();
    }
}
