package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.BrowserInstalled;
import cn.fupin.ledger.ops.testing.Chromium;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.OneDatabaseSuffices;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
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

import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A villager on a phone, in a real browser (Debian's Chromium, headless): from the county's disclosure page to the
 * township, the village and its grant list, then an objection through the notice's form — no login, no script — and
 * the page that gives its number. The API then shows exactly that one objection with the words typed, and the notice
 * page counts it. The notice printed on A4 for the notice board is one sheet, without the form. Screenshots (phone
 * and A4 print) and the PDF are left in {@code ops/target/browser-artefacts/} for a person to look at.
 *
 * <p>The facts come through the HTTP API as staff record them: an appropriation, a poor village, households, an
 * approved industry project and two requested start-up grants, and the village's grant list listing both. Fiscal
 * year 2087; households T-8300… in 宝明村 (510824120202) of 运山镇. The browser objects from 127.0.0.1 once.
 *
 * <p>{@code ./test} installs the browser and makes this test required; a plain {@code ./mvnw verify} on a machine
 * without it skips this test alone, saying so in the build's output ({@link BrowserInstalled}).
 */
@LedgerTest
@ExtendWith(BrowserInstalled.class)
@OneDatabaseSuffices
class DisclosureBrowserTest extends LedgerApiTest {

    static final int YEAR = 2087;
    static final String TOWNSHIP = "运山镇";
    static final String VILLAGE_CODE = "510824120202";
    static final String VILLAGE = "宝明村";
    static final String NOTICE = "NTC-BROWSER-0001";
    static final String TITLE = "宝明村到户增收项目启动资金公示";
    static final Path ARTEFACTS = Path.of("target", "browser-artefacts");

    @TempDir
    Path profile;

    /** The grant list of 宝明村 as a clerk publishes it, listing two requested grants; returns the second's id. */
    String aGrantListOfTwoHouseholds() {
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(YEAR, "COUNTY", 300_000, "苍财农〔2087〕8号");
        ledger.designatePoor(VILLAGE_CODE, YEAR);
        ledger.importHouseholds(IntStream.rangeClosed(8300, 8302)
                .mapToObj(n -> household(n).withVillageCode(VILLAGE_CODE)).toArray(Households.Row[]::new));
        String projectId = ledger.propose("clerk", project("宝明村脆红李到户增收", "INDUSTRY", VILLAGE_CODE, "HOUSEHOLDS",
                YEAR, "[" + line(fund, 50_000) + "]"));
        ledger.approve("approver", projectId);
        String first = ledger.requestDisbursement("clerk", projectId, "cardNo", Households.cardNo(8300), 3_000_00L,
                "运山测付〔2087〕1号");
        String second = ledger.requestDisbursement("clerk", projectId, "cardNo", Households.cardNo(8301), 3_500_00L,
                "运山测付〔2087〕2号");
        Api.Response published = api.as("clerk").post("/api/notices", """
                {"noticeId": "%s", "kind": "GRANT_LIST", "level": "VILLAGE", "placeCode": "%s", "placeName": "宝明村",
                 "title": "%s", "body": "以下农户拟安排到户增收项目启动资金，公示期满无异议后拨付。\\n公示期内如有异议，请向村委会或运山镇人民政府反映。",
                 "fields": [{"label": "项目", "value": "宝明村脆红李到户增收"}],
                 "columns": ["户主", "金额"],
                 "rows": [{"item": "%s", "cells": ["王*国", "3,000.00元"]}, {"item": "%s", "cells": ["李*国", "3,500.00元"]}],
                 "supervisionPhone": "0839-5222000", "hotline": "12317"}
                """.formatted(NOTICE, VILLAGE_CODE, TITLE, first, second));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.anonymous().get("/disclosure/" + VILLAGE_CODE + "/").body()).contains(TITLE));
        return second;
    }

    @Test
    void aVillagerWalksFromTheCountyToAGrantListAndObjectsFromAPhoneAndTheA4CopyIsOneSheetWithoutTheForm() {
        String objectedTo = aGrantListOfTwoHouseholds();
        String text = "李*国户已于去年搬迁到城里，\n不应再领取启动资金。";
        String contact = "13700008301";
        long started = System.nanoTime();

        try (Chromium chromium = Chromium.phone(profile)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

            browser.get("http://127.0.0.1:" + port + "/disclosure/");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("苍溪县扶贫资金公告公示");
            assertFitsThePhone(browser);
            chromium.screenshot(ARTEFACTS.resolve("1-county-phone.png"));

            browser.findElement(By.linkText(TOWNSHIP)).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), TOWNSHIP + "扶贫资金公告公示"));
            browser.findElement(By.linkText(VILLAGE)).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), VILLAGE + "扶贫资金公告公示"));
            assertFitsThePhone(browser);
            chromium.screenshot(ARTEFACTS.resolve("2-village-phone.png"));

            // the list names the notice by what tells it apart (village · project · …), its title beneath
            browser.findElement(By.cssSelector("#notices a[href$='notices/" + NOTICE + ".html']")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), TITLE));
            String noticeAddress = browser.getCurrentUrl();
            assertThat(noticeAddress).endsWith("/disclosure/notices/" + NOTICE + ".html");
            assertThat(browser.findElements(By.tagName("script"))).isEmpty();
            assertFitsThePhone(browser);
            chromium.screenshot(ARTEFACTS.resolve("3-notice-phone.png"));

            WebElement form = browser.findElement(By.cssSelector("section.objection-form form"));
            Select item = new Select(form.findElement(By.name("item")));
            assertThat(item.getOptions()).extracting(WebElement::getText)
                    .containsExactly("请选择条目", firstRow(objectedTo), "序号2：李*国，3,500.00元");
            item.selectByValue(objectedTo);
            form.findElement(By.name("text")).sendKeys(text);
            form.findElement(By.name("contact")).sendKeys(contact);
            form.findElement(By.cssSelector("button[type=submit]")).click();

            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "异议已收到"));
            String objectionId = browser.findElement(By.cssSelector("p.received strong")).getText();
            assertThat(objectionId).startsWith("OBJ-");
            assertThat(browser.getPageSource()).doesNotContain(contact, "不应再领取");
            assertFitsThePhone(browser);
            chromium.screenshot(ARTEFACTS.resolve("4-objection-received-phone.png"));

            // The officers' list is a read model: it shows the objection once its projection has caught up.
            JsonNode recorded = await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.as("auditor").get("/api/notices/" + NOTICE + "/objections").json(),
                            list -> list.size() > 0);
            assertThat(recorded).hasSize(1);
            assertThat(recorded.get(0).path("objectionId").asText()).isEqualTo(objectionId);
            assertThat(recorded.get(0).path("item").asText()).isEqualTo(objectedTo);
            assertThat(recorded.get(0).path("text").asText()).isEqualTo(text);
            assertThat(recorded.get(0).path("contactGiven").asBoolean()).isTrue();
            assertThat(recorded.toString()).doesNotContain(contact);

            browser.findElement(By.linkText("返回公告")).click();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                browser.navigate().refresh();
                assertThat(browser.findElement(By.cssSelector("section.objections p.total")).getText())
                        .isEqualTo("共收到异议 1 件。");
            });
            assertThat(browser.getCurrentUrl()).isEqualTo(noticeAddress);
            assertThat(browser.findElement(By.cssSelector("section.objections table")).getText())
                    .contains(objectionId, "序号2", "办理中").doesNotContain(objectedTo);
            assertThat(browser.getPageSource()).doesNotContain(contact, "不应再领取");

            Path pdf = chromium.printA4(ARTEFACTS.resolve("5-notice-a4.pdf"));
            assertThat(Chromium.pdfPages(pdf)).as("the grant list of two households prints on one A4 sheet").isEqualTo(1);
            chromium.asA4Print();
            assertThat(browser.findElement(By.cssSelector("section.objection-form")).isDisplayed())
                    .as("the print leaves the objection form out").isFalse();
            assertThat(browser.findElement(By.cssSelector("nav.breadcrumbs")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector("section.objections")).isDisplayed()).isTrue();
            assertThat(((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
            chromium.screenshot(ARTEFACTS.resolve("6-notice-a4-print.png"));
        }
        System.out.printf("browser walk, objection and print: %d ms (artefacts in %s)%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), ARTEFACTS.toAbsolutePath());
    }

    /** The first row's choice as the form shows it: its number (the row is not the objected one) and its cells. */
    private String firstRow(String second) {
        JsonNode notice = api.as("auditor").get("/api/notices/" + NOTICE).json();
        String first = notice.path("content").path("rows").get(0).path("item").asText();
        assertThat(first).isNotEqualTo(second);
        return "序号1：王*国，3,000.00元";
    }

    /** Nothing on the page is wider than the phone: no sideways scrolling of the page itself (tables scroll inside). */
    private static void assertFitsThePhone(WebDriver browser) {
        Object fits = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
        assertThat(fits).as("the page at %s is no wider than the phone", browser.getCurrentUrl()).isEqualTo(true);
    }
}
