package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.FromAddress;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The objection form of a notice's page over HTTP, posted as a browser posts it ({@code
 * application/x-www-form-urlencoded}, no login, no CSRF token, no script): a recorded objection is answered with a
 * page that gives its number; every refusal — a bad item, no text, text or contact too long, an unknown or corrected
 * notice, too many from one address, a body over the limit — with a page in Chinese and the refusal's status, which
 * records nothing. Neither page repeats the text or the contact. The JSON objection on the same address answers as
 * before. Fiscal year 2087; a road in 黎明村 (510824121208) of 东溪镇. Objections come from loopback addresses
 * 127.0.2.x, so that the per-address limit counts this class alone.
 */
@LedgerTest
class ObjectionFormApiTest extends LedgerApiTest {

    static final int YEAR = 2087;
    static final String VILLAGE = "510824121208";
    static final String FORM = "application/x-www-form-urlencoded";
    static final AtomicInteger ADDRESSES = new AtomicInteger();
    static final AtomicInteger NOTICES = new AtomicInteger();
    static final Pattern OBJECTION_ID = Pattern.compile("<strong>(OBJ-[A-Za-z0-9-]+)</strong>");

    static String project;

    @BeforeEach
    void aRoadProjectOnce() {
        if (project != null) {
            return;
        }
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(YEAR, "CENTRAL", 200_000, "东溪测〔2087〕1号");
        ledger.designatePoor(VILLAGE, YEAR);
        String projectId = ledger.propose("clerk", project("黎明村组道路硬化", "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(fund, 80_000) + "]"));
        ledger.approve("approver", projectId);
        project = projectId;
    }

    /** Publishes a village notice listing the road project (as clerk) and waits until its page is public. */
    String publishNotice(String supersedes) {
        String noticeId = "NTC-FORM-%04d".formatted(NOTICES.incrementAndGet());
        Api.Response published = api.as("clerk").post("/api/notices", """
                {"noticeId": "%s", "kind": "%s", "level": "VILLAGE", "placeCode": "%s", "placeName": "黎明村",
                 "title": "黎明村组道路硬化项目公示", "body": "公示期内如有异议，请向村委会或东溪镇人民政府反映。",
                 "columns": ["项目", "金额（元）"], "rows": [{"item": "%s", "cells": ["黎明村组道路硬化", "80,000.00"]}],
                 "supersedes": %s, "correctionReason": %s,
                 "supervisionPhone": "0839-5222000", "hotline": "12317"}
                """.formatted(noticeId, supersedes == null ? "PROJECT_PLAN" : "CORRECTION", VILLAGE, project,
                supersedes == null ? "null" : "\"" + supersedes + "\"", supersedes == null ? "null" : "\"更正金额\""));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        pageWhen(noticeId, page -> page.contains("<h1>黎明村组道路硬化项目公示</h1>"));
        return noticeId;
    }

    /** Waits until the notice's public page satisfies the condition, and returns it. */
    String pageWhen(String noticeId, java.util.function.Predicate<String> condition) {
        String[] page = new String[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response response = api.anonymous().get("/disclosure/notices/" + noticeId + ".html");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(condition.test(response.body())).as(response.body()).isTrue();
            page[0] = response.body();
        });
        return page[0];
    }

    static FromAddress somebody(int port) {
        return new FromAddress(port, "127.0.2." + ADDRESSES.incrementAndGet());
    }

    /** The fields as a browser encodes a form: UTF-8, percent-encoded, spaces as '+'. */
    static byte[] form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.US_ASCII);
    }

    static Map<String, String> fields(String item, String text, String contact) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("item", item);
        fields.put("text", text);
        fields.put("contact", contact);
        return fields;
    }

    FromAddress.Answer postForm(FromAddress from, String noticeId, Map<String, String> fields) {
        return from.send("POST", "/disclosure/notices/" + noticeId + "/objections", FORM, form(fields));
    }

    List<StoredEvents.StoredEvent> objections(String noticeId) {
        return events.of(noticeId, "ObjectionFiledEvent");
    }

    /** A page in Chinese for people, with the given status, not cached, with no trace of the failure's insides. */
    static void assertPage(FromAddress.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(answer.headers().get("cache-control")).contains("no-store");
        assertThat(answer.body()).startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">")
                .contains("<link rel=\"stylesheet\" href=\"/disclosure/style.css\">")
                .doesNotContain("Exception", "\tat ", "problem+json", "\"code\"");
    }

    @Test
    void aVillagerObjectsThroughTheFormWithoutLoggingInAndTheAnswerGivesTheObjectionsNumber() {
        String noticeId = publishNotice(null);
        String text = "路面宽度与公示不符，\r\n实际只有3米。";

        FromAddress.Answer answer = postForm(somebody(port), noticeId, fields(project, text, "13812345678"));

        assertPage(answer, 200);
        assertThat(answer.body()).contains("<h1>异议已收到</h1>", "<dd>" + noticeId + "</dd>",
                "<dd>序号1：黎明村组道路硬化，80,000.00</dd>",
                "<a href=\"/disclosure/notices/" + noticeId + ".html\">返回公告</a>")
                .doesNotContain("路面宽度", "13812345678");
        Matcher number = OBJECTION_ID.matcher(answer.body());
        assertThat(number.find()).isTrue();
        List<StoredEvents.StoredEvent> filed = objections(noticeId);
        assertThat(filed).hasSize(1);
        assertThat(filed.get(0).payload().path("objectionId").asText()).isEqualTo(number.group(1));
        assertThat(filed.get(0).payload().path("item").asText()).isEqualTo(project);
        assertThat(filed.get(0).payload().path("text").asText())
                .as("the form's CR LF line break is kept as the one line feed the villager typed")
                .isEqualTo("路面宽度与公示不符，\n实际只有3米。");
        assertThat(filed.get(0).payload().toString()).doesNotContain("13812345678");
        assertThat(filed.get(0).meta("actor")).isEqualTo("public");
        assertThat(pageWhen(noticeId, page -> page.contains("共收到异议 1 件。")))
                .doesNotContain("路面宽度", "13812345678");
    }

    @Test
    void theLongestObjectionTheFormAllowsFitsUnderTheBodyLimitAndIsTaken() {
        String noticeId = publishNotice(null);
        // 2,000 characters as the textarea counts them: 1,990 Chinese characters and 10 line breaks, which the form
        // sends as CR LF; the contact at its 100 characters. About 19,000 bytes once percent-encoded.
        String text = ("异".repeat(199) + "\r\n").repeat(10);
        byte[] body = form(fields(project, text, "联".repeat(100)));
        assertThat(body.length).isGreaterThan(16 * 1024).isLessThan(24 * 1024);

        FromAddress.Answer answer = somebody(port).send("POST", "/disclosure/notices/" + noticeId + "/objections",
                FORM, body);

        assertPage(answer, 200);
        assertThat(objections(noticeId)).singleElement()
                .satisfies(filed -> assertThat(filed.payload().path("text").asText()).hasSize(2_000 - 1));
    }

    @Test
    void theJsonObjectionOnTheSameAddressIsAnsweredAsBefore() {
        String noticeId = publishNotice(null);

        FromAddress.Answer answer = somebody(port).post("/disclosure/notices/" + noticeId + "/objections",
                "{\"item\": \"%s\", \"text\": \"金额有误\"}".formatted(project));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("objectionId").asText()).startsWith("OBJ-");
        assertThat(objections(noticeId)).hasSize(1);
    }

    @Nested
    class RefusalsArePagesThatRecordNothing {

        @Test
        void anItemTheNoticeDoesNotListIsRefused422WithTheWayBackToTheForm() {
            String noticeId = publishNotice(null);

            FromAddress.Answer answer = postForm(somebody(port), noticeId, fields("PRJ-2087-NONE", "异议", ""));

            assertPage(answer, 422);
            assertThat(answer.body()).contains("所选的条目不在本公告中",
                    "<a href=\"/disclosure/notices/" + noticeId + ".html#objection\">返回公告，修改后重新提交</a>");
            assertThat(objections(noticeId)).isEmpty();
        }

        @Test
        void noTextAndALongContactAreRefused422NamingBothAndRepeatingNeither() {
            String noticeId = publishNotice(null);
            String contact = "电话".repeat(60);

            FromAddress.Answer answer = postForm(somebody(port), noticeId, fields(project, " \r\n ", contact));

            assertPage(answer, 422);
            assertThat(answer.body()).contains("<li>请填写异议内容。</li>", "<li>联系方式最多100字，只能写一行。</li>")
                    .doesNotContain(contact);
            assertThat(objections(noticeId)).isEmpty();
        }

        @Test
        void noItemAtAllIsRefused422() {
            String noticeId = publishNotice(null);
            Map<String, String> withoutItem = new LinkedHashMap<>();
            withoutItem.put("text", "没有选择条目");

            FromAddress.Answer answer = postForm(somebody(port), noticeId, withoutItem);

            assertPage(answer, 422);
            assertThat(answer.body()).contains("请选择异议涉及的条目。").doesNotContain("没有选择条目");
            assertThat(objections(noticeId)).isEmpty();
        }

        @Test
        void textOverTheLimitIsRefused422() {
            String noticeId = publishNotice(null);

            FromAddress.Answer answer = postForm(somebody(port), noticeId, fields(project, "异".repeat(2_001), ""));

            assertPage(answer, 422);
            assertThat(answer.body()).contains("异议内容最多2000字");
            assertThat(objections(noticeId)).isEmpty();
        }

        @Test
        void aBodyOverTheLimitIsRefused413BeforeItIsRead() {
            String noticeId = publishNotice(null);

            FromAddress.Answer answer = postForm(somebody(port), noticeId, fields(project, "异".repeat(3_000), ""));

            assertPage(answer, 413);
            assertThat(answer.body()).contains("提交的内容太长",
                    "<a href=\"/disclosure/notices/" + noticeId + ".html#objection\">");
            assertThat(objections(noticeId)).isEmpty();
        }

        @Test
        void anUnknownOrMalformedNoticeIsRefused404() {
            FromAddress somebody = somebody(port);

            FromAddress.Answer unknown = postForm(somebody, "NTC-FORM-9999", fields(project, "异议", ""));
            FromAddress.Answer malformed = postForm(somebody, "not-a-notice", fields(project, "异议", ""));

            for (FromAddress.Answer answer : List.of(unknown, malformed)) {
                assertPage(answer, 404);
                assertThat(answer.body()).contains("没有找到这个公告", "<a href=\"/disclosure/index.html\">返回公告公示首页</a>");
            }
            assertThat(objections("NTC-FORM-9999")).isEmpty();
        }

        @Test
        void aCorrectedNoticeIsRefused409AndPointsToItsCorrection() {
            String noticeId = publishNotice(null);
            String correction = publishNotice(noticeId);
            assertThat(pageWhen(noticeId, page -> page.contains("本公告已被更正，不再受理异议")))
                    .doesNotContain("<form");

            FromAddress.Answer answer = postForm(somebody(port), noticeId, fields(project, "异议", ""));

            assertPage(answer, 409);
            assertThat(answer.body()).contains("本公告已被更正，请对更正公告提出异议。",
                    "<a href=\"/disclosure/notices/" + correction + ".html\">查看更正公告（" + correction + "）</a>");
            assertThat(objections(noticeId)).isEmpty();
        }

        @Test
        void theSixthFormWithinAMinuteFromOneAddressIsRefused429WithHowLongToWait() {
            String noticeId = publishNotice(null);
            FromAddress busy = somebody(port);
            for (int i = 1; i <= 5; i++) {
                assertPage(postForm(busy, noticeId, fields(project, "", "")), 422);
            }

            FromAddress.Answer sixth = postForm(busy, noticeId, fields(project, "第6条异议", ""));

            assertPage(sixth, 429);
            int retryAfter = Integer.parseInt(sixth.headers().get("retry-after"));
            assertThat(retryAfter).isBetween(1, 60);
            assertThat(sixth.body()).contains("从您所在的网络提交的异议太多，请约")
                    .contains("<a href=\"/disclosure/notices/" + noticeId + ".html#objection\">");
            assertThat(objections(noticeId)).isEmpty();
        }
    }
}
