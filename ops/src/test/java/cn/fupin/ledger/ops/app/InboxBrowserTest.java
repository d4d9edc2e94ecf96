package cn.fupin.ledger.ops.app;

import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;

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
 * An approver at the county poverty-alleviation office, in a real browser (Debian's Chromium, headless), on a phone
 * and on a desk's screen: logs in, opens 待审批事项, sees a payment whose plan has been public for its whole period
 * and one the deputy requested; the deputy's own request says why it is not theirs to approve and offers no button;
 * a rejection without a reason is refused beside its field; the payment is approved with a double click — once — and
 * the answer shows what was recorded; on the desk's screen a project is approved with its document number. Every page
 * walked is checked for labels, heading order, contrast and sideways scrolling; screenshots are left in
 * {@code ops/target/browser-artefacts/staff-approver-*.png}. Fiscal year 2008; 乐园村 (510824111228) of 龙王镇.
 */
@LedgerTest
@ExtendWith(BrowserInstalled.class)
@OneDatabaseSuffices
class InboxBrowserTest extends LedgerApiTest {

    static final Path ARTEFACTS = Path.of("target", "browser-artefacts");
    static final int YEAR = 2008;
    static final String VILLAGE = "510824111228";

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

    @Test
    void anApproverApprovesOnAPhoneOnceForADoubleClickAndCannotApproveTheDeputysOwnRequest() {
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(YEAR, "PROVINCIAL", 5_000_000, "川财农〔2008〕inbox-browser号");
        ledger.designatePoor(VILLAGE, YEAR);
        String road = ledger.propose("clerk", project("乐园村通组路", "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(fund, 80_000) + "]"));
        ledger.approve("approver", road);
        String payment = ledger.requestDisbursement("clerk", road, "villageCode", VILLAGE, 20_000_00L,
                "苍扶贫付〔2008〕inbox-browser-1号");
        String deputys = ledger.requestDisbursement("deputy", road, "villageCode", VILLAGE, 5_000_00L,
                "苍扶贫付〔2008〕inbox-browser-2号");
        ledger.afterPublicity(Ledger.planNotice(road));
        String bridge = ledger.propose("clerk", project("乐园村便民桥", "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(fund, 30_000) + "]"));

        try (Chromium chromium = Chromium.phone(profile)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

            browser.get(at("/app/inbox"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作人员登录"));
            logIn(browser, wait, "approver");
            browser.findElement(By.linkText("待审批事项")).click();
            wait.until(ExpectedConditions.urlContains("/app/inbox"));
            ScreenChecks.assertAccessible(browser);
            openWhen(browser, "/app/inbox?village=" + VILLAGE, "凭证 苍扶贫付〔2008〕inbox-browser-2号");
            assertThat(browser.findElement(By.id("payments")).getText()).contains("20,000.00元", "可以审批",
                    "提交人：deputy");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-approver-1-inbox-phone.png"));

            // The payment: a rejection without a reason is refused beside its field, nothing recorded.
            openWhen(browser, "/app/inbox/payments/" + payment, "没有发现阻碍，可以审批");
            ScreenChecks.assertAccessible(browser);
            browser.findElement(By.cssSelector("#reject-form button.primary")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reason-error")));
            assertThat(browser.findElement(By.id("reason-error")).getText()).isEqualTo("驳回须写明理由");
            assertThat(browser.findElement(By.id("reason")).getAttribute("aria-invalid")).isEqualTo("true");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-approver-2-reject-refused-phone.png"));
            assertThat(events.of(payment, "DisbursementRejectedEvent")).isEmpty();

            // Approved with a double click: the form goes twice, the payment is made once.
            WebElement approve = browser.findElement(By.cssSelector("#approve-form button.primary"));
            ((JavascriptExecutor) browser).executeScript(
                    "const form = arguments[0].form; form.requestSubmit(arguments[0]);"
                            + " setTimeout(() => form.submit(), 5);", approve);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "拨付已审批，款项已支付"));
            assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains(payment, "20,000.00元");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-approver-3-payment-approved-phone.png"));
            assertThat(events.of(payment, "DisbursementApprovedEvent")).as("a double click pays once").hasSize(1);

            // The deputy's own request: why it is not theirs, and no approval button.
            browser.findElement(By.cssSelector("header.bar button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作人员登录"));
            logIn(browser, wait, "deputy");
            openWhen(browser, "/app/inbox/payments/" + deputys, "不能由您审批");
            assertThat(browser.findElement(By.id("blocked")).getText())
                    .contains("这笔拨付是您本人申请的，须由另一位审批人审批（四眼原则）");
            assertThat(browser.findElements(By.id("approve-form"))).isEmpty();
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-approver-4-own-request-phone.png"));

            // On the desk's screen: the inbox, and a project approved with its document number.
            chromium.asDesktop();
            browser.findElement(By.cssSelector("header.bar button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作人员登录"));
            logIn(browser, wait, "approver");
            openWhen(browser, "/app/inbox?village=" + VILLAGE, "乐园村便民桥");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-approver-5-inbox-desktop.png"));
            browser.findElement(By.linkText("乐园村便民桥（乐园村村民委员会）")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approvalDocNo")));
            ScreenChecks.assertAccessible(browser);
            browser.findElement(By.id("approvalDocNo")).sendKeys("苍扶组〔2008〕7号");
            browser.findElement(By.cssSelector("#approve-form button.primary")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "项目已批复"));
            assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains(bridge, "苍扶组〔2008〕7号");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-approver-6-project-approved-desktop.png"));
            assertThat(events.of(bridge, "ProjectApprovedEvent")).hasSize(1);
        }
    }
}
