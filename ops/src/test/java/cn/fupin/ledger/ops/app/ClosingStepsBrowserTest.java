package cn.fupin.ledger.ops.app;

import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.BrowserInstalled;
import cn.fupin.ledger.ops.testing.Chromium;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.OneDatabaseSuffices;
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
 * An approver in a real browser (Debian's Chromium, headless) closes what is finished and corrects what was paid in
 * error: on a phone, opens 待审批事项, finds a completed road under 项目验收, is refused beside the field when the
 * result is left out, and accepts it with a double click — once; on a desk's screen, opens 已支付的拨付 from the
 * desk, filters by project, is refused a reversal without a reason, and reverses the payment with a double click —
 * once. Every page walked is checked for labels, heading order, contrast and sideways scrolling; screenshots are left
 * in {@code ops/target/browser-artefacts/staff-approver-accept-*.png} and {@code staff-approver-reverse-*.png}.
 * Fiscal year 2025; 学龙村 (510824109205) of 鸳溪镇.
 */
@LedgerTest
@ExtendWith(BrowserInstalled.class)
@OneDatabaseSuffices
class ClosingStepsBrowserTest extends LedgerApiTest {

    static final Path ARTEFACTS = Path.of("target", "browser-artefacts");
    static final int YEAR = 2025;
    static final String VILLAGE = "510824109205";

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

    /** Reloads {@code path} until it shows {@code text} (the read models catch up in the background). */
    private void openWhen(WebDriver browser, String path, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(300)).until(driver -> {
            driver.get(at(path));
            return driver.getPageSource().contains(text);
        });
    }

    /** Clicks {@code button} as a double click sends its form: twice, a few milliseconds apart. */
    private static void doubleClick(WebDriver browser, WebElement button) {
        ((JavascriptExecutor) browser).executeScript(
                "const form = arguments[0].form; form.requestSubmit(arguments[0]);"
                        + " setTimeout(() => form.submit(), 5);", button);
    }

    private void step(String user, String projectId, String step, String body) {
        Api.Response response = api.as(user).post("/api/projects/" + projectId + "/" + step, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void anApproverAcceptsACompletedProjectOnAPhoneAndReversesAPaymentOnADeskOnceEach() {
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(YEAR, "PROVINCIAL", 5_000_000, "川财农〔2025〕closing-browser号");
        ledger.designatePoor(VILLAGE, YEAR);
        String road = ledger.propose("clerk", project("学龙村通组路", "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(fund, 80_000) + "]"));
        ledger.approve("approver", road);
        step("clerk", road, "start", "{}");
        step("clerk", road, "complete", "{\"note\": \"通组路 3 公里完工\"}");
        String canal = ledger.propose("clerk", project("学龙村灌溉渠", "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(fund, 30_000) + "]"));
        ledger.approve("approver", canal);
        String payment = ledger.requestDisbursement("clerk", canal, "villageCode", VILLAGE, 12_000_00L,
                "苍扶贫付〔2025〕closing-browser-1号");
        ledger.afterPublicity(Ledger.planNotice(canal));
        Api.Response paid = api.as("approver").post("/api/disbursements/" + payment + "/approve", "{}");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);

        try (Chromium chromium = Chromium.phone(profile)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

            browser.get(at("/app/"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作人员登录"));
            logIn(browser, wait, "approver");
            browser.findElement(By.linkText("待审批事项")).click();
            wait.until(ExpectedConditions.urlContains("/app/inbox"));
            openWhen(browser, "/app/inbox?village=" + VILLAGE, "学龙村通组路");
            assertThat(browser.findElement(By.id("acceptances")).getText()).contains("项目验收", "80,000.00元",
                    "提交人：clerk", "可以审批");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-approver-accept-1-inbox-phone.png"));

            browser.findElement(By.cssSelector("#acceptances a[href$='" + road + "']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
            assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains(road, "已完工",
                    "通组路 3 公里完工");
            ScreenChecks.assertAccessible(browser);

            // Without a result: refused beside the field, nothing recorded.
            browser.findElement(By.cssSelector("#step-form button.primary")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result-error")));
            assertThat(browser.findElement(By.id("result-error")).getText()).isEqualTo("请填写验收结论");
            assertThat(browser.findElement(By.id("result")).getAttribute("aria-invalid")).isEqualTo("true");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-approver-accept-2-refused-phone.png"));
            assertThat(events.of(road, "ProjectAcceptedEvent")).isEmpty();

            browser.findElement(By.id("result")).sendKeys("验收合格，路基路面符合设计");
            doubleClick(browser, browser.findElement(By.cssSelector("#step-form button.primary")));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "项目已验收"));
            assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains(road,
                    "验收合格，路基路面符合设计", "80,000.00元");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-approver-accept-3-accepted-phone.png"));
            assertThat(events.of(road, "ProjectAcceptedEvent")).as("a double click accepts once").hasSize(1);

            // On a desk's screen: the paid payments, one reversed with its reason.
            chromium.asDesktop();
            browser.get(at("/app/"));
            browser.findElement(By.linkText("已支付的拨付")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "已支付的拨付"));
            browser.findElement(By.id("project")).sendKeys(canal);
            browser.findElement(By.cssSelector("form button.primary")).click();
            wait.until(ExpectedConditions.urlContains("project=" + canal));
            openWhen(browser, "/app/inbox/paid?project=" + canal, payment);
            assertThat(browser.findElement(By.cssSelector("ul.inbox")).getText()).contains("12,000.00元",
                    "审批人：approver");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-approver-reverse-1-paid-desktop.png"));

            browser.findElement(By.cssSelector("ul.inbox a[href$='" + payment + "']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reason")));
            ScreenChecks.assertAccessible(browser);
            browser.findElement(By.cssSelector("#step-form button.primary")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reason-error")));
            assertThat(browser.findElement(By.id("reason-error")).getText()).isEqualTo("冲正须写明理由");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-approver-reverse-2-refused-desktop.png"));
            assertThat(events.of(payment, "DisbursementReversedEvent")).isEmpty();

            browser.findElement(By.id("reason")).sendKeys("收款账户有误，退回重新拨付");
            doubleClick(browser, browser.findElement(By.cssSelector("#step-form button.primary")));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "拨付已冲正，款项退回项目预算"));
            assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains(payment, "12,000.00元",
                    "收款账户有误，退回重新拨付");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-approver-reverse-3-reversed-desktop.png"));
            assertThat(events.of(payment, "DisbursementReversedEvent")).as("a double click reverses once").hasSize(1);

            // Reversed, it is paid no more: the list on a phone no longer offers it.
            chromium.asPhone();
            openWhen(browser, "/app/inbox/paid?project=" + canal, "没有符合条件的已支付拨付");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-approver-reverse-4-paid-phone.png"));
        }
    }
}
