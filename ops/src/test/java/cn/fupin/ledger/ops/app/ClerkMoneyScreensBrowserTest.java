package cn.fupin.ledger.ops.app;

import static cn.fupin.ledger.ops.app.ClerkMoneyData.JINLONGQUAN;
import static cn.fupin.ledger.ops.app.ClerkMoneyData.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.fupin.ledger.ops.testing.BrowserInstalled;
import cn.fupin.ledger.ops.testing.Chromium;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.OneDatabaseSuffices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A clerk in a real browser (Debian's Chromium, headless) on a phone: proposes a household project with its subsidy
 * standard, is told beside the field that a date was written wrong, sees what was proposed; once an approver has
 * approved it, picks it and 金龙泉村 on 到户补助批次, finds the grants prefilled from the standard, ticks two households
 * and submits with a double click — one batch — and sees what was submitted; then on a desk's screen sees the batch
 * waiting for approval and its payments in 拨付申请. An approver is refused the clerk's screens. Every page walked is
 * checked for labels, headings, contrast and sideways scrolling; screenshots are left in
 * {@code ops/target/browser-artefacts/staff-clerk-money-*.png}. Fiscal year 2006; households CM-0101….
 */
@LedgerTest
@ExtendWith(BrowserInstalled.class)
@OneDatabaseSuffices
class ClerkMoneyScreensBrowserTest extends LedgerApiTest {

    static final Path ARTEFACTS = StaffScreensBrowserTest.ARTEFACTS;

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

    private static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void aClerkProposesAProjectAndSubmitsAGrantBatchOnAPhoneOnceForADoubleClickAndAnApproverIsRefused() {
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(2006, "INTEGRATED_AGRICULTURE", 500_000, "苍财农〔2006〕清算屏-"
                + UUID.randomUUID().toString().substring(0, 6));
        ledger.importHouseholds(IntStream.rangeClosed(101, 104)
                .mapToObj(n -> ClerkMoneyData.household(n, JINLONGQUAN)).toArray(Households.Row[]::new));
        String name = "清算屏-核桃到户" + UUID.randomUUID().toString().substring(0, 4);
        String voucherNo = "苍扶贫付〔2006〕清算屏-" + UUID.randomUUID().toString().substring(0, 6);
        try (Chromium chromium = Chromium.phone(profile)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

            browser.get(at("/app/projects"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作人员登录"));
            logIn(browser, wait, "clerk");
            assertThat(browser.findElements(By.linkText("到户补助批次"))).hasSize(1);
            assertThat(browser.findElements(By.linkText("拨付申请"))).hasSize(1);
            browser.findElement(By.linkText("项目")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "项目"));
            ScreenChecks.assertAccessible(browser);

            type(browser, "name", name);
            new Select(browser.findElement(By.id("workArea"))).selectByValue("INDUSTRY");
            new Select(browser.findElement(By.id("villageCode"))).selectByValue(JINLONGQUAN);
            new Select(browser.findElement(By.id("beneficiary"))).selectByValue("HOUSEHOLDS");
            new Select(browser.findElement(By.id("fund1"))).selectByValue(fund);
            type(browser, "amountYuan1", "100,000");
            type(browser, "startDate", "2006年4月1日");
            type(browser, "endDate", "2006-11-30");
            type(browser, "expectedHouseholds", "4");
            type(browser, "subsidyStandardYuan", "3,800");
            browser.findElement(By.cssSelector("form[method=post] button.primary")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("startDate-error")));
            assertThat(browser.findElement(By.id("startDate-error")).getText()).startsWith("日期应写成");
            assertThat(browser.findElement(By.id("startDate")).getAttribute("aria-invalid")).isEqualTo("true");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-clerk-money-1-project-refused-phone.png"));

            type(browser, "startDate", "2006-04-01");
            browser.findElement(By.cssSelector("form[method=post] button.primary")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "项目已申报"));
            assertThat(browser.findElement(By.id("name")).getText()).isEqualTo(name);
            assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("100,000.00元");
            assertThat(browser.findElement(By.id("standard")).getText()).isEqualTo("每户不超过3,800.00元");
            String projectId = browser.findElement(By.id("projectId")).getText();
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-clerk-money-2-project-proposed-phone.png"));

            ledger.approve("approver", projectId);
            ledger.projectWhen(projectId, project -> project.path("status").asText().equals("APPROVED"));

            browser.get(at("/app/batches"));
            ScreenChecks.assertAccessible(browser);
            new Select(browser.findElement(By.id("project"))).selectByValue(projectId);
            new Select(browser.findElement(By.id("village"))).selectByValue(JINLONGQUAN);
            browser.findElement(By.id("choose")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("households")));
            assertThat(browser.findElement(By.id("amount-" + card(101))).getAttribute("value")).isEqualTo("3,800.00");
            ScreenChecks.assertAccessible(browser);
            type(browser, "voucherNo", voucherNo);
            browser.findElement(By.id("card-" + card(101))).click();
            browser.findElement(By.id("card-" + card(102))).click();
            chromium.screenshot(ARTEFACTS.resolve("staff-clerk-money-3-batch-phone.png"));
            // a double click on 提交批次: the form goes twice, as an impatient clerk's would
            WebElement submit = browser.findElement(By.id("submit"));
            ((JavascriptExecutor) browser).executeScript(
                    "const form = arguments[0].form; form.requestSubmit(arguments[0]);"
                            + " setTimeout(() => form.submit(), 5);", submit);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "到户补助批次已提交"));
            assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("2");
            assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("7,600.00元");
            assertThat(browser.findElement(By.id("items")).getText()).contains(card(101), card(102));
            String batchId = browser.findElement(By.id("batchId")).getText();
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-clerk-money-4-batch-submitted-phone.png"));
            assertThat(events.ofType("GrantBatchSubmittedEvent").stream()
                    .filter(event -> event.payload().path("voucherNo").asText().equals(voucherNo)))
                    .as("a double click submits once").hasSize(1);

            chromium.asDesktop();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                browser.get(at("/app/batches?project=" + projectId + "&village=" + JINLONGQUAN));
                assertThat(browser.findElement(By.id("batches")).getText()).contains(batchId, "待审批 2 户");
            });
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-clerk-money-5-batches-desktop.png"));
            browser.get(at("/app/payments?project=" + projectId));
            assertThat(browser.findElement(By.id("payments")).getText()).contains(card(101), "3,800.00元", "待审批");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-clerk-money-6-payments-desktop.png"));
            browser.get(at("/app/projects/" + projectId));
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已批复");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-clerk-money-7-project-desktop.png"));

            browser.findElement(By.cssSelector("header.bar button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作人员登录"));
            logIn(browser, wait, "approver");
            assertThat(browser.findElements(By.linkText("到户补助批次"))).isEmpty();
            browser.get(at("/app/batches?project=" + projectId));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "不能办理"));
        }
    }
}
