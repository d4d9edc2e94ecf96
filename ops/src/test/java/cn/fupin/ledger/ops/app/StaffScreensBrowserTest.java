package cn.fupin.ledger.ops.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.ops.testing.BrowserInstalled;
import cn.fupin.ledger.ops.testing.Chromium;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.OneDatabaseSuffices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * A clerk at the county finance bureau, in a real browser (Debian's Chromium, headless), on a phone and on a desk's
 * screen: logs in, opens 资金下达, gets the messages beside the fields for a form filled wrong, records an
 * appropriation with a double click on 登记 — once — and sees what was recorded. An approver logs in and is refused the
 * clerk's screen. Every screen walked has a label for every field and its headings in order. Screenshots are left in
 * {@code ops/target/browser-artefacts/} (the README shows the desk's and the clerk's screen). Fiscal year 2063.
 */
@LedgerTest
@ExtendWith(BrowserInstalled.class)
@OneDatabaseSuffices
class StaffScreensBrowserTest extends LedgerApiTest {

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

    private long appropriationsWith(String documentNo) {
        return events.ofType("FundsAppropriatedEvent").stream()
                .filter(event -> documentNo.equals(event.payload().path("documentNo").asText())).count();
    }

    @Test
    void aClerkRecordsAnAppropriationOnAPhoneOnceForADoubleClickAndAnApproverIsRefused() {
        String documentNo = "苍财农〔2063〕browser-" + UUID.randomUUID().toString().substring(0, 8);
        try (Chromium chromium = Chromium.phone(profile)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

            browser.get(at("/app/funds"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作人员登录"));
            assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-1-login-phone.png"));
            logIn(browser, wait, "clerk");
            assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-2-desk-clerk-phone.png"));

            browser.findElement(By.linkText("资金下达")).click();
            wait.until(ExpectedConditions.urlContains("/app/funds"));
            browser.get(at("/app/funds?fiscalYear=2063"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("2063年度资金下达");
            assertAccessible(browser);

            browser.findElement(By.id("amountYuan")).sendKeys("12.345");
            browser.findElement(By.cssSelector("form button.primary")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("amountYuan-error")));
            assertThat(browser.findElement(By.id("amountYuan-error")).getText()).startsWith("金额应为元");
            assertThat(browser.findElement(By.id("documentNo-error")).getText()).isEqualTo("请填写文号");
            assertThat(browser.findElement(By.id("amountYuan")).getAttribute("aria-invalid")).isEqualTo("true");
            assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-3-appropriation-refused-phone.png"));

            WebElement amount = browser.findElement(By.id("amountYuan"));
            amount.clear();
            amount.sendKeys("3,000,000.00");
            new Select(browser.findElement(By.id("source"))).selectByVisibleText("中央财政专项扶贫资金");
            browser.findElement(By.id("documentNo")).sendKeys(documentNo);
            // a double click on 登记: the form goes twice, as an impatient clerk's would
            WebElement submit = browser.findElement(By.cssSelector("form button.primary"));
            ((JavascriptExecutor) browser).executeScript(
                    "const form = arguments[0].form; form.requestSubmit(arguments[0]);"
                            + " setTimeout(() => form.submit(), 5);", submit);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "资金下达已登记"));
            assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("3,000,000.00元");
            assertThat(browser.findElement(By.id("documentNo")).getText()).isEqualTo(documentNo);
            assertThat(browser.findElement(By.id("appropriationId")).getText()).startsWith("APPR-510824-");
            assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-4-appropriation-recorded-phone.png"));
            assertThat(appropriationsWith(documentNo)).as("a double click records once").isEqualTo(1);

            chromium.asDesktop();
            browser.get(at("/app/funds?fiscalYear=2063"));
            assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-5-appropriations-desktop.png"));
            assertThat(browser.findElement(By.tagName("table")).getText()).contains(documentNo, "3,000,000.00元");

            browser.findElement(By.cssSelector("header.bar button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作人员登录"));
            logIn(browser, wait, "approver");
            assertThat(browser.findElements(By.linkText("资金下达"))).isEmpty();
            chromium.screenshot(ARTEFACTS.resolve("staff-6-desk-approver-desktop.png"));
            browser.get(at("/app/funds?fiscalYear=2063"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "不能办理"));
            assertThat(browser.getPageSource()).contains("您当前的角色不能办理这项业务");
        }
    }

    private static void assertAccessible(WebDriver browser) {
        ScreenChecks.assertAccessible(browser);
    }
}
