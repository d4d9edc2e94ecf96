package cn.fupin.ledger.ops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.fupin.ledger.ops.testing.BrowserInstalled;
import cn.fupin.ledger.ops.testing.Chromium;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.OneDatabaseSuffices;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An auditor of the county's discipline inspection office, in a real browser (Debian's Chromium, headless), on a
 * phone and on a desk's screen: logs in, opens 事件历史 for a household, follows the money from an appropriation's
 * document to the village and the household it reached, opens the household's facts, asks to see its numbers without
 * a reason (refused beside the field), then with one and a double click (one look recorded), reviews a red flag, and
 * reads the trial balance. A clerk is refused the auditor's screens. Every page walked is checked for labels,
 * headings, language, sideways scrolling and contrast. Screenshots: {@code target/browser-artefacts/staff-audit-*.png}.
 * Fiscal year 2011 ({@link AuditScreensData}).
 */
@LedgerTest
@ExtendWith(BrowserInstalled.class)
@OneDatabaseSuffices
class AuditScreensBrowserTest extends LedgerApiTest {

    static final Path ARTEFACTS = Path.of("target", "browser-artefacts");

    @TempDir
    Path profile;

    private String at(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void logIn(WebDriver browser, WebDriverWait wait, String user) {
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作台"));
    }

    private static void doubleClick(WebDriver browser, WebElement submit) {
        ((JavascriptExecutor) browser).executeScript(
                "const form = arguments[0].form; form.requestSubmit(arguments[0]);"
                        + " setTimeout(() => form.submit(), 5);", submit);
    }

    @Test
    void anAuditorFollowsTheMoneyLooksAtAHouseholdOnceForADoubleClickAndReviewsARedFlag() {
        AuditScreensData data = AuditScreensData.of(api);
        String card = data.household.cardNo();
        try (Chromium chromium = Chromium.phone(profile)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

            browser.get(at("/app/audit/events"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作人员登录"));
            logIn(browser, wait, "auditor");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-audit-1-desk-phone.png"));

            browser.findElement(By.linkText("事件历史")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "事件历史"));
            browser.findElement(By.id("subject")).sendKeys(card);
            browser.findElement(By.cssSelector("form.filters button.primary")).click();
            wait.until(ExpectedConditions.urlContains("subject="));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                browser.navigate().refresh();
                assertThat(browser.findElement(By.tagName("main")).getText()).contains("HouseholdRegisteredEvent");
            });
            assertThat(browser.getPageSource()).doesNotContain(data.household.idNumber());
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-audit-2-events-phone.png"));

            browser.get(at("/app/audit/trace"));
            browser.findElement(By.id("from")).sendKeys(data.documentNo);
            browser.findElement(By.id("from")).submit();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("projects")));
            assertThat(browser.findElement(By.id("projects")).getText()).contains(data.roadId, "5,000.00元", card,
                    "3,500.00元", "杜里社区居民委员会");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-audit-3-trace-phone.png"));

            browser.findElement(By.linkText(card)).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "农户档案"));
            assertThat(browser.findElement(By.id("idNumber")).getText()).isEqualTo(data.household.idNumberMasked());
            browser.findElement(By.cssSelector("form[action$='/reveal'] button.primary")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reason-error")));
            assertThat(browser.findElement(By.id("reason")).getAttribute("aria-invalid")).isEqualTo("true");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-audit-4-reveal-refused-phone.png"));
            long before = events.ofHousehold(card, "HouseholdPersonalDataViewedEvent").size();

            browser.findElement(By.id("reason")).sendKeys("浏览器核对收款账户");
            doubleClick(browser, browser.findElement(By.cssSelector("form[action$='/reveal'] button.primary")));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "完整号码（本次查看已记入账本）"));
            assertThat(browser.findElement(By.id("idNumber")).getText()).isEqualTo(data.household.idNumber());
            assertThat(events.ofHousehold(card, "HouseholdPersonalDataViewedEvent"))
                    .as("a double click records one look").hasSize((int) before + 1);
            ScreenChecks.assertAccessible(browser);

            chromium.asDesktop();
            browser.get(at("/app/audit/trace?from=" + URLEncoder.encode(data.documentNo, StandardCharsets.UTF_8)));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("projects")));
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-audit-5-trace-desktop.png"));

            browser.get(at("/app/audit/red-flags?rule=SELF_DEALING_ATTEMPT"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "风险提示"));
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-audit-6-red-flags-desktop.png"));
            browser.get(at("/app/audit/red-flags/finding?id=SELF_DEALING_ATTEMPT/deputy"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence")));
            ScreenChecks.assertAccessible(browser);
            browser.findElement(By.id("reason")).sendKeys("浏览器审阅：拒绝已生效");
            browser.findElement(By.cssSelector("form button.primary")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "审阅意见已记录"));
            assertThat(browser.findElement(By.id("reason")).getText()).isEqualTo("浏览器审阅：拒绝已生效");
            assertThat(browser.findElement(By.id("by")).getText()).isEqualTo("auditor");
            ScreenChecks.assertAccessible(browser);

            browser.get(at("/app/audit/journal"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kinds")));
            assertThat(browser.findElement(By.id("kinds")).getText()).contains("借贷平衡");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-audit-7-journal-desktop.png"));

            browser.get(at("/app/audit/checks"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "核对账本"));
            browser.findElement(By.id("run-journal")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("journal-checks")));
            assertThat(browser.findElements(By.cssSelector("#journal-checks tbody tr"))).hasSize(5);
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-audit-9-checks-desktop.png"));

            browser.get(at("/app/audit/events?subject=" + card));
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-audit-8-events-desktop.png"));

            browser.findElement(By.cssSelector("header.bar button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作人员登录"));
            logIn(browser, wait, "clerk");
            assertThat(browser.findElements(By.linkText("事件历史"))).isEmpty();
            browser.get(at("/app/audit/households?cardNo=" + card));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "不能办理"));
            assertThat(browser.getPageSource()).doesNotContain(data.household.idNumberMasked());
        }
    }
}
