package cn.fupin.ledger.ops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.BrowserInstalled;
import cn.fupin.ledger.ops.testing.Chromium;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.OneDatabaseSuffices;
import java.nio.file.Path;
import java.time.Duration;
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
 * Township staff in a real browser (Debian's Chromium, headless) on a phone: from the desk's 项目申报, write up a
 * project for a village of their own township (offered no other township's village), are told beside the field that a
 * date was written wrong, send it with a double click — one proposal — and see what was proposed; follow the answer to
 * the competitive round open for the project's fund, find the project among those they may submit, and submit it; on
 * a desk's screen see it in their township's list and on its page without the clerk's steps; and are refused the
 * clerk's payment requests. Every page walked is checked for labels, headings, contrast and sideways scrolling;
 * screenshots are left in {@code ops/target/browser-artefacts/staff-township-project-*.png}. Fiscal year 2027;
 * project names start 乡镇申报.
 */
@LedgerTest
@ExtendWith(BrowserInstalled.class)
@OneDatabaseSuffices
class TownshipProjectScreensBrowserTest extends LedgerApiTest {

    static final Path ARTEFACTS = StaffScreensBrowserTest.ARTEFACTS;

    @TempDir
    Path profile;

    private String at(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A round of 2027 drawing on {@code fund}, open for two hours by the ledger's clock, opened by the clerk. */
    private String openRound(Ledger ledger, String fund, String name) {
        Api.Response opened = api.as("clerk").post("/api/competitions", """
                {"fiscalYear": 2027, "fundId": "%s", "budgetFen": %d, "deadline": "%s", "name": "%s",
                 "criteria": [{"name": "带贫成效", "weight": 100}]}
                """.formatted(fund, 100_000_00L, ledger.now().plus(Duration.ofHours(2)), name));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String round = opened.json().path("competitionId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.as("township").get("/api/competitions/" + round).status()).isEqualTo(200));
        return round;
    }

    @Test
    void aTownshipWritesUpAProjectOnAPhoneOnceForADoubleClickAndSubmitsItToTheOpenRound() {
        Ledger ledger = new Ledger(api);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String fund = ledger.appropriate(2027, "PROVINCIAL", 300_000, "川财农〔2027〕乡镇申报-" + tag);
        String roundName = "2027年度乡镇申报竞争性分配-" + tag;
        String round = openRound(ledger, fund, roundName);
        String name = "乡镇申报-青花椒基地" + tag;
        try (Chromium chromium = Chromium.phone(profile)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

            browser.get(at("/app/"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作人员登录"));
            browser.findElement(By.id("username")).sendKeys("township");
            browser.findElement(By.id("password")).sendKeys("demo");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作台"));
            assertThat(browser.findElements(By.linkText("拨付申请"))).isEmpty();
            browser.findElement(By.linkText("项目申报")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "项目"));
            assertThat(browser.findElement(By.id("list-heading")).getText()).isEqualTo("本乡镇项目");
            Select villages = new Select(browser.findElement(By.id("villageCode")));
            assertThat(villages.getOptions()).isNotEmpty().allMatch(option -> option.getAttribute("value").isEmpty()
                    || option.getAttribute("value").startsWith("510824100"));
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-township-project-1-form-phone.png"));

            type(browser, "name", name);
            new Select(browser.findElement(By.id("workArea"))).selectByValue("INDUSTRY");
            villages.selectByValue(TownshipProjectScreensApiTest.OWN_VILLAGE);
            new Select(browser.findElement(By.id("beneficiary"))).selectByValue("HOUSEHOLDS");
            new Select(browser.findElement(By.id("fund1"))).selectByValue(fund);
            type(browser, "amountYuan1", "80,000");
            type(browser, "implementer", "金穗社区居民委员会");
            type(browser, "supervisor", "陵江镇人民政府");
            type(browser, "startDate", "2027年4月1日");
            type(browser, "endDate", "2027-11-30");
            type(browser, "expectedHouseholds", "25");
            type(browser, "subsidyStandardYuan", "3,200");
            browser.findElement(By.cssSelector("form[method=post] button.primary")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("startDate-error")));
            assertThat(browser.findElement(By.id("startDate-error")).getText()).startsWith("日期应写成");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-township-project-2-refused-phone.png"));

            type(browser, "startDate", "2027-04-01");
            // a double click on 申报: the form goes twice, as an impatient official's would
            WebElement submit = browser.findElement(By.cssSelector("form[method=post] button.primary"));
            ((JavascriptExecutor) browser).executeScript(
                    "const form = arguments[0].form; form.requestSubmit(arguments[0]);"
                            + " setTimeout(() => form.submit(), 5);", submit);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "项目已申报"));
            assertThat(browser.findElement(By.id("name")).getText()).isEqualTo(name);
            assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("80,000.00元");
            String projectId = browser.findElement(By.id("projectId")).getText();
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-township-project-3-proposed-phone.png"));
            assertThat(events.ofType("ProjectProposedEvent").stream()
                    .filter(event -> event.payload().path("name").asText().equals(name)))
                    .as("a double click proposes once").hasSize(1);
            assertThat(events.of(projectId, "ProjectProposedEvent").get(0).metaData().path("role").asText())
                    .isEqualTo("TOWNSHIP");

            // Next: the open round of the project's fund offers it to the township.
            browser.findElement(By.linkText("参加竞争性分配")).click();
            wait.until(ExpectedConditions.urlContains("/app/rounds"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                browser.get(at("/app/rounds/" + round));
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(roundName);
                assertThat(new Select(browser.findElement(By.id("projectId"))).getOptions())
                        .anyMatch(option -> option.getAttribute("value").equals(projectId));
            });
            new Select(browser.findElement(By.id("projectId"))).selectByValue(projectId);
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-township-project-4-round-phone.png"));
            browser.findElement(By.cssSelector("form[method=post] button.primary")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "项目已申报"));
            assertThat(browser.findElement(By.id("projectId")).getText()).isEqualTo(projectId);
            ScreenChecks.assertAccessible(browser);

            chromium.asDesktop();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                browser.get(at("/app/projects"));
                assertThat(browser.findElement(By.id("projects")).getText()).contains(name, projectId);
            });
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-township-project-5-list-desktop.png"));
            browser.findElement(By.linkText(name)).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), name));
            assertThat(browser.findElement(By.id("clerk-steps")).getText()).contains("县经办人登记");
            assertThat(browser.findElements(By.id("start"))).isEmpty();
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-township-project-6-project-desktop.png"));

            // The township's refusal: the clerk's payment requests are not theirs.
            browser.get(at("/app/payments?project=" + projectId));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "不能办理"));
        }
    }
}
