package cn.fupin.ledger.ops.app;

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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * A clerk opens a round of fiscal year 2023 on a phone — refused beside the weights first, because they do not sum to
 * 100, then opened once for a double click — and an approver, on a desk's screen, is refused the clerk's form, reads
 * what closing a round will do and closes one after its deadline, then follows the answer to the ranking. Every page
 * walked is checked for labels, headings in order and contrast; screenshots are left in
 * {@code ops/target/browser-artefacts/staff-rounds-open-*.png} and {@code staff-rounds-close-*.png}.
 */
@LedgerTest
@ExtendWith(BrowserInstalled.class)
@OneDatabaseSuffices
class RoundOpenCloseBrowserTest extends LedgerApiTest {

    static final Path ARTEFACTS = Path.of("target", "browser-artefacts");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path profile;

    private String at(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void logIn(WebDriver browser, WebDriverWait wait, String user) {
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作人员登录"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作台"));
    }

    private static void logOut(WebDriver browser, WebDriverWait wait) {
        browser.findElement(By.cssSelector("header.bar button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "工作人员登录"));
    }

    /** A double click on the form's button: the form goes twice, as an impatient user's would. */
    private static void doubleClick(WebDriver browser, WebElement submit) {
        ((JavascriptExecutor) browser).executeScript(
                "const form = arguments[0].form; form.requestSubmit(arguments[0]);"
                        + " setTimeout(() => form.submit(), 5);", submit);
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private long opened(String name) {
        return events.ofType("CompetitionOpenedEvent").stream()
                .filter(event -> name.equals(event.payload().path("name").asText())).count();
    }

    @Test
    void aClerkOpensARoundOnAPhoneOnceForADoubleClickAndAnApproverClosesOneOnADesk() {
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(2023, "PROVINCIAL", 2_000, "川财农〔2023〕browser-"
                + UUID.randomUUID().toString().substring(0, 8));
        String name = "2023年度浏览器开启" + UUID.randomUUID().toString().substring(0, 6);
        RoundStory story = RoundStory.open(api, 2023, "浏览器结束");
        for (String[] proposal : new String[][] {{"township", story.projectA()}, {"township2", story.projectC()}}) {
            Api.Response sent = api.as(proposal[0]).post("/api/competitions/" + story.round() + "/proposals",
                    "{\"projectId\": \"" + proposal[1] + "\"}");
            assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        }

        try (Chromium chromium = Chromium.phone(profile)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

            browser.get(at("/app/"));
            logIn(browser, wait, "clerk");
            browser.findElement(By.linkText("竞争性分配")).click();
            wait.until(ExpectedConditions.urlContains("/app/rounds"));
            browser.get(at("/app/rounds?fiscalYear=2023"));
            browser.findElement(By.id("open-round")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "开启竞争性分配"));
            ScreenChecks.assertAccessible(browser);
            type(browser, "name", name);
            new Select(browser.findElement(By.id("fundId"))).selectByValue(fund);
            type(browser, "budgetYuan", "1500");
            type(browser, "deadline", MINUTE.format(ledger.now().plus(Duration.ofDays(3))));
            type(browser, "assessmentWeight", "40");
            type(browser, "criterionName-0", "带贫成效");
            type(browser, "criterionWeight-0", "50");
            chromium.screenshot(ARTEFACTS.resolve("staff-rounds-open-1-form-phone.png"));

            // the clerk's refusal: the round's rule that the weights sum to 100, beside the criteria
            browser.findElement(By.cssSelector("form button.primary")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("criteria-error")));
            assertThat(browser.findElement(By.id("criteria-error")).getText()).isEqualTo("各项评分标准的权重合计须为 100");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-rounds-open-2-refused-phone.png"));
            assertThat(opened(name)).isZero();

            type(browser, "criterionWeight-0", "60");
            doubleClick(browser, browser.findElement(By.cssSelector("form button.primary")));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "竞争性分配已开启"));
            assertThat(browser.findElement(By.id("round")).getText()).isEqualTo(name);
            assertThat(browser.findElement(By.id("budget")).getText()).isEqualTo("1,500.00元");
            assertThat(browser.findElement(By.id("criteria")).getText()).isEqualTo("乡镇考核结果 40%、带贫成效 60%");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-rounds-open-3-recorded-phone.png"));
            assertThat(opened(name)).as("a double click opens once").isEqualTo(1);
            browser.findElement(By.linkText("返回本轮")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), name));
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("接受申报");
            ScreenChecks.assertAccessible(browser);
            logOut(browser, wait);

            chromium.asDesktop();
            ledger.advanceDays(1);
            logIn(browser, wait, "approver");
            browser.findElement(By.linkText("竞争性分配")).click();
            wait.until(ExpectedConditions.urlContains("/app/rounds"));
            ScreenChecks.assertAccessible(browser);
            // the approver's refusal: opening a round is the clerk's
            browser.get(at("/app/rounds/new"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "不能办理"));

            browser.get(at("/app/rounds/" + story.round()));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "2023年度浏览器结束竞争性分配"));
            assertThat(browser.findElement(By.id("closing")).getText()).contains("给 2 个申报项目排名",
                    "2 个项目还没有专家评分");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-rounds-close-1-round-desktop.png"));
            doubleClick(browser, browser.findElement(By.cssSelector("#closing button.primary")));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "本轮已结束"));
            assertThat(browser.findElement(By.id("ranked")).getText()).isEqualTo("2 个");
            assertThat(browser.findElement(By.id("awardedAmount")).getText()).isEqualTo("900.00元");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-rounds-close-2-recorded-desktop.png"));
            assertThat(events.of(story.round(), "CompetitionClosedEvent")).as("a double click closes once").hasSize(1);

            browser.findElement(By.id("ranking-link")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "2023年度浏览器结束竞争性分配 排名"));
            assertThat(browser.findElement(By.id("ranking")).getText()).contains("浏览器结束产业路", "浏览器结束山坪塘");
            assertThat(browser.findElement(By.id("recomputation")).getText()).startsWith("一致");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-rounds-close-3-ranking-desktop.png"));
        }
    }
}
