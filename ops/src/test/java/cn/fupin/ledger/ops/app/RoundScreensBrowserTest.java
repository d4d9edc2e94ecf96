package cn.fupin.ledger.ops.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.BrowserInstalled;
import cn.fupin.ledger.ops.testing.Chromium;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A township official and a reviewer in a real browser (Debian's Chromium, headless) with one round of fiscal year 2010
 * ({@link RoundStory}): on a phone the township submits its project with a double click — once — and is refused the
 * reviewer's score form; the reviewer declares a conflict, is told why that township's proposal cannot be scored,
 * gets the reason beside the field for points out of range and scores with a double click — once; on a desk's screen,
 * once the round is closed, both read the ranking with its recomputation. Every page walked is checked for labels,
 * headings in order and contrast; screenshots are left in {@code ops/target/browser-artefacts/staff-rounds-*.png}.
 */
@LedgerTest
@ExtendWith(BrowserInstalled.class)
@OneDatabaseSuffices
class RoundScreensBrowserTest extends LedgerApiTest {

    static final Path ARTEFACTS = Path.of("target", "browser-artefacts");

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

    private long eventsOf(String round, String type, String field, String value) {
        return events.of(round, type).stream().filter(e -> value.equals(e.payload().path(field).asText())).count();
    }

    @Test
    void aTownshipSubmitsAndAReviewerScoresOnAPhoneOnceForADoubleClickAndBothReadTheRankingOnADesk() {
        RoundStory story = RoundStory.open(api, 2010, "浏览器");
        String roundPath = "/app/rounds/" + story.round();
        Api.Response other = api.as("township2").post("/api/competitions/" + story.round() + "/proposals",
                "{\"projectId\": \"" + story.projectC() + "\"}");
        assertThat(other.status()).as(other.toString()).isEqualTo(201);

        try (Chromium chromium = Chromium.phone(profile)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

            browser.get(at("/app/rounds"));
            logIn(browser, wait, "township");
            browser.findElement(By.linkText("竞争性分配")).click();
            wait.until(ExpectedConditions.urlContains("/app/rounds"));
            browser.get(at("/app/rounds?fiscalYear=2010"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("2010年度竞争性分配");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-rounds-1-list-township-phone.png"));

            browser.findElement(By.linkText("2010年度浏览器竞争性分配")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "2010年度浏览器竞争性分配"));
            ScreenChecks.assertAccessible(browser);
            new Select(browser.findElement(By.id("projectId"))).selectByValue(story.projectA());
            chromium.screenshot(ARTEFACTS.resolve("staff-rounds-2-round-township-phone.png"));
            doubleClick(browser, browser.findElement(By.cssSelector("form button.primary")));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "项目已申报"));
            assertThat(browser.findElement(By.id("projectId")).getText()).isEqualTo(story.projectA());
            assertThat(browser.findElement(By.id("projectName")).getText()).isEqualTo("浏览器产业路");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-rounds-3-proposal-recorded-phone.png"));
            assertThat(eventsOf(story.round(), "ProposalSubmittedEvent", "projectId", story.projectA()))
                    .as("a double click submits once").isEqualTo(1);

            // the township's refusal: the reviewer's score form is not theirs
            browser.get(at(roundPath + "/scores/" + story.projectC()));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "不能办理"));
            browser.get(at(roundPath));
            assertThat(browser.findElement(By.id("own-proposals")).getText()).contains("浏览器产业路");
            logOut(browser, wait);

            logIn(browser, wait, "reviewer");
            browser.findElement(By.linkText("竞争性分配评审")).click();
            wait.until(ExpectedConditions.urlContains("/app/rounds"));
            browser.get(at(roundPath));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "2010年度浏览器竞争性分配"));
            ScreenChecks.assertAccessible(browser);
            new Select(browser.findElement(By.id("townshipCode"))).selectByValue(RoundStory.T2);
            browser.findElement(By.cssSelector("form[action$='/conflicts'] button.primary")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "利益冲突已申报"));
            ScreenChecks.assertAccessible(browser);
            browser.findElement(By.linkText("返回本轮")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "2010年度浏览器竞争性分配"));
            // the reviewer's refusal: the proposal of the township they declared a conflict with cannot be scored
            WebElement conflicted = browser.findElement(By.cssSelector("tr[data-project='" + story.projectC() + "']"));
            assertThat(conflicted.getText()).contains("已申报与该乡镇有利益冲突，应当回避");
            assertThat(conflicted.findElements(By.tagName("a"))).isEmpty();
            chromium.screenshot(ARTEFACTS.resolve("staff-rounds-4-round-reviewer-phone.png"));

            browser.findElement(By.linkText("为浏览器产业路评分")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "评分：浏览器产业路"));
            ScreenChecks.assertAccessible(browser);
            browser.findElement(By.id("points-0")).sendKeys("101");
            browser.findElement(By.cssSelector("form button.primary")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("points-0-error")));
            assertThat(browser.findElement(By.id("points-0-error")).getText()).isEqualTo("请填写 0 至 100 之间的整数");
            assertThat(browser.findElement(By.id("points-0")).getAttribute("aria-invalid")).isEqualTo("true");
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-rounds-5-score-refused-phone.png"));
            WebElement points = browser.findElement(By.id("points-0"));
            points.clear();
            points.sendKeys("80");
            doubleClick(browser, browser.findElement(By.cssSelector("form button.primary")));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "评分已记录"));
            assertThat(browser.findElement(By.id("points-0")).getText()).isEqualTo("80 分");
            ScreenChecks.assertAccessible(browser);
            assertThat(eventsOf(story.round(), "ProposalScoredEvent", "projectId", story.projectA()))
                    .as("a double click scores once").isEqualTo(1);

            story.close(api);
            browser.get(at(roundPath + "/ranking"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "2010年度浏览器竞争性分配 排名"));
            ScreenChecks.assertAccessible(browser);
            chromium.screenshot(ARTEFACTS.resolve("staff-rounds-6-ranking-reviewer-phone.png"));
            chromium.asDesktop();
            browser.get(at(roundPath + "/ranking"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "2010年度浏览器竞争性分配 排名"));
            ScreenChecks.assertAccessible(browser);
            assertThat(browser.findElement(By.id("recomputation")).getText()).startsWith("一致");
            assertThat(browser.findElement(By.id("ranking")).getText()).contains("浏览器产业路", "浏览器山坪塘");
            assertThat(browser.findElement(By.id("scores")).getText()).contains("reviewer", "80");
            chromium.screenshot(ARTEFACTS.resolve("staff-rounds-7-ranking-reviewer-desktop.png"));
            logOut(browser, wait);

            logIn(browser, wait, "township");
            browser.get(at(roundPath));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "2010年度浏览器竞争性分配"));
            ScreenChecks.assertAccessible(browser);
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已结束");
            chromium.screenshot(ARTEFACTS.resolve("staff-rounds-8-round-township-desktop.png"));
            browser.findElement(By.id("ranking-link")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "2010年度浏览器竞争性分配 排名"));
            assertThat(browser.findElement(By.id("comparison")).getText()).contains("一致");
        }
    }
}
