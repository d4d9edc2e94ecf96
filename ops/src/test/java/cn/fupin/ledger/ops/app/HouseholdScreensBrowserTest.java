package cn.fupin.ledger.ops.app;

import static cn.fupin.ledger.ops.testing.Households.bankCard;
import static cn.fupin.ledger.ops.testing.Households.csv;
import static cn.fupin.ledger.ops.testing.Households.household;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.ops.testing.BrowserInstalled;
import cn.fupin.ledger.ops.testing.Chromium;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.OneDatabaseSuffices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * A clerk keeps the household register in a real browser (Debian's Chromium, headless), on a phone and on a desk's
 * screen: uploads a register and watches its import finish, uploads one with bad rows and reads every bad row in
 * Chinese, finds a household, corrects its bank card with a double click — once — and sees what was recorded, is
 * refused a village the county does not have beside the field; an approver is refused the register. Every page walked
 * passes {@link ScreenChecks#assertAccessible}; screenshots go to {@code target/browser-artefacts/staff-households-*}.
 * Households 3480-3499.
 */
@LedgerTest
@ExtendWith(BrowserInstalled.class)
@OneDatabaseSuffices
class HouseholdScreensBrowserTest extends LedgerApiTest {

    static final Path ARTEFACTS = Path.of("target", "browser-artefacts");
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** An import runs in the background; on a machine busy with other builds it may take a while. */
    private static final Duration IMPORT_WAIT = Duration.ofSeconds(120);

    @TempDir
    Path profile;

    @TempDir
    Path files;

    private String at(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static void logIn(WebDriver browser, WebDriverWait wait, String user) {
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作台"));
    }

    @Test
    void aClerkImportsFindsAndCorrectsAHouseholdOnAPhoneAndAnApproverIsRefused() throws IOException {
        Households.Row first = household(3481);
        Households.Row second = household(3482);
        Path good = file("名册-3481.csv", csv(first, second));
        Path bad = file("名册-有错.csv", csv(household(3483),
                household(3484).withIdNumber(Households.withWrongCheckCharacter(household(3484).idNumber()))));
        try (Chromium chromium = Chromium.phone(profile)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, WAIT);

            browser.get(at("/app/households"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作人员登录"));
            logIn(browser, wait, "clerk");
            browser.findElement(By.linkText("户籍名册")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "户籍名册"));
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-households-1-register-phone.png"));

            browser.findElement(By.linkText("导入名册文件（CSV）")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "导入户籍名册"));
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-households-2-upload-phone.png"));
            browser.findElement(By.id("register")).sendKeys(good.toAbsolutePath().toString());
            browser.findElement(By.id("upload-submit")).click();
            new WebDriverWait(browser, IMPORT_WAIT).until(ExpectedConditions.textToBe(By.id("stage"), "导入完成"));
            assertThat(browser.findElement(By.id("rowsRead")).getText()).isEqualTo("2");
            assertThat(browser.findElement(By.id("imported")).getText()).isEqualTo("2");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-households-3-import-done-phone.png"));

            browser.get(at("/app/households/imports"));
            browser.findElement(By.id("register")).sendKeys(bad.toAbsolutePath().toString());
            browser.findElement(By.id("upload-submit")).click();
            new WebDriverWait(browser, IMPORT_WAIT).until(ExpectedConditions.textToBe(By.id("stage"),
                    "没有导入：文件中有错误，什么也没有记录"));
            assertThat(browser.findElement(By.id("problems")).getText()).contains("3", "身份证号", "身份证号不对");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-households-4-import-refused-phone.png"));
            assertThat(events.ofHousehold(household(3483).cardNo())).isEmpty();

            browser.get(at("/app/households"));
            browser.findElement(By.id("cardNo")).sendKeys("T-348");
            browser.findElement(By.cssSelector("form[role=search] button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(first.cardNo())));
            ScreenChecks.assertAccessible(browser);
            browser.findElement(By.linkText(first.cardNo())).click();
            wait.until(ExpectedConditions.textToBe(By.id("bankCardShown"), "*".repeat(15)
                    + first.bankCard().substring(15)));
            assertThat(browser.getPageSource()).doesNotContain(first.bankCard(), first.idNumber());
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-households-5-household-phone.png"));

            browser.findElement(By.id("villageCode")).sendKeys("510824999999");
            browser.findElement(By.id("villageReason")).sendKeys("搬迁");
            browser.findElement(By.id("village-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("villageCode-error")));
            assertThat(browser.findElement(By.id("villageCode-error")).getText()).startsWith("本县没有这个村");
            assertThat(browser.findElement(By.id("villageCode")).getAttribute("aria-invalid")).isEqualTo("true");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-households-6-village-refused-phone.png"));

            browser.findElement(By.id("bankCard")).sendKeys(bankCard(3491));
            browser.findElement(By.id("bankCardReason")).sendKeys("原卡挂失，换发新卡");
            // a double click on 更正银行卡: the form goes twice, as an impatient clerk's would
            WebElement submit = browser.findElement(By.id("bank-submit"));
            ((JavascriptExecutor) browser).executeScript(
                    "const form = arguments[0].form; form.requestSubmit(arguments[0]);"
                            + " setTimeout(() => form.submit(), 5);", submit);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "更正银行卡已登记"));
            assertThat(browser.findElement(By.id("value")).getText()).endsWith(bankCard(3491).substring(15));
            assertThat(browser.getPageSource()).doesNotContain(bankCard(3491));
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-households-7-corrected-phone.png"));
            assertThat(events.ofHousehold(first.cardNo(), "HouseholdBankCardCorrectedEvent"))
                    .as("a double click records once").hasSize(1);

            chromium.asDesktop();
            browser.get(at("/app/households/" + first.cardNo()));
            new WebDriverWait(browser, WAIT).until(driver -> driver.findElement(By.id("history")).getText()
                    .contains("更正银行卡"));
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-households-8-household-desktop.png"));
            browser.get(at("/app/households?cardNo=T-348"));
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-households-9-register-desktop.png"));

            browser.findElement(By.cssSelector("header.bar button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作人员登录"));
            logIn(browser, wait, "approver");
            assertThat(browser.findElements(By.linkText("户籍名册"))).isEmpty();
            browser.get(at("/app/households/" + first.cardNo()));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "不能办理"));
            assertThat(browser.getPageSource()).contains("您当前的角色不能办理这项业务").doesNotContain(first.headName());
        }
    }
}
