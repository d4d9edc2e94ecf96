package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.FromAddress;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeJson;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notices over HTTP: a clerk publishes one, its period holds the payment it lists; anyone objects without logging in
 * (the contact sealed and never shown, the objector not traced by address), an officer resolves; an upheld objection
 * rejects the payment it names; a per-address rate limit and a small body limit protect the public form. The ledger's
 * clock is never moved here (the demo clock is tested in a context of its own). Fiscal year 2095, 金穗社区.
 */
@LedgerTest
class NoticeApiTest extends LedgerApiTest {

    static final int YEAR = 2095;
    static final String VILLAGE = "510824100001";
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Each test objects from loopback addresses of its own, so that the per-address limit counts it alone. */
    static final AtomicInteger ADDRESSES = new AtomicInteger(40);

    static String central;
    static int vouchers;
    static int notices;

    Ledger ledger;

    @BeforeEach
    void fund() {
        ledger = new Ledger(api);
        if (central == null) {
            central = ledger.appropriate(YEAR, "CENTRAL", 1_000_000, "财农〔2095〕1号");
            ledger.designatePoor(VILLAGE, YEAR);
        }
    }

    /** A requested payment of 1,000 yuan from a new approved road project. */
    String requestedPayment() {
        String projectId = ledger.propose("clerk", project("公示村道", "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(central, 10_000) + "]"));
        ledger.approve("approver", projectId);
        return ledger.requestDisbursement("clerk", projectId, "villageCode", VILLAGE, 1_000_00L,
                "苍扶贫付〔2095〕" + (++vouchers) + "号");
    }

    static String nextNoticeId() {
        return "NTC-HTTP-%04d".formatted(++notices);
    }

    /** A notice's content as a clerk posts it: a village list whose one row names the item. */
    static String content(String noticeId, String item, String title) {
        return """
                {"noticeId": "%s", "kind": "GRANT_LIST", "level": "VILLAGE", "placeCode": "%s", "placeName": "金穗社区",
                 "title": "%s", "body": "公示期内如有异议，请向村委会或陵江镇人民政府反映。", "fields": [],
                 "columns": ["项目", "金额（元）"], "rows": [{"item": "%s", "cells": ["村道硬化", "1000.00"]}],
                 "supervisionPhone": "0839-5222000", "hotline": "12317"}
                """.formatted(noticeId, VILLAGE, title, item);
    }

    /** Publishes a notice listing the item, as clerk, and returns its id. */
    String publishListing(String item) {
        String noticeId = nextNoticeId();
        Api.Response published = api.as("clerk").post("/api/notices", content(noticeId, item, "金穗社区村道资金公示"));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        return noticeId;
    }

    FromAddress somebody() {
        return new FromAddress(port, "127.0.0." + ADDRESSES.incrementAndGet());
    }

    static String objection(String item, String text, String contact) {
        return contact == null ? "{\"item\": \"%s\", \"text\": \"%s\"}".formatted(item, text)
                : "{\"item\": \"%s\", \"text\": \"%s\", \"contact\": \"%s\"}".formatted(item, text, contact);
    }

    /** Files an objection from a fresh address and returns its id. */
    String object(String noticeId, String item, String text, String contact) {
        FromAddress.Answer filed = somebody().post("/disclosure/notices/" + noticeId + "/objections",
                objection(item, text, contact));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().path("objectionId").asText();
    }

    JsonNode noticeWhen(String noticeId, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response response = api.as("auditor").get("/api/notices/" + noticeId);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(condition.test(response.json())).as(response.body()).isTrue();
            found[0] = response.json();
        });
        return found[0];
    }

    @Test
    void aClerkPublishesANoticeAndWhileItIsPublicThePaymentItListsIsNotApproved() throws Exception {
        String payment = requestedPayment();
        String noticeId = nextNoticeId();

        Api.Response published = api.as("clerk").post("/api/notices", content(noticeId, payment, "村道资金公示"));

        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().path("noticeId").asText()).isEqualTo(noticeId);
        String sha = published.json().path("contentSha256").asText();
        assertThat(sha).matches("[0-9a-f]{64}");
        Instant periodEndsAt = Instant.parse(published.json().path("periodEndsAt").asText());
        assertThat(periodEndsAt).isAfter(ledger.now().plus(Duration.ofDays(10)));
        StoredEvents.StoredEvent event = events.of(noticeId, "NoticePublishedEvent").get(0);
        assertThat(event.payload().path("contentSha256").asText()).isEqualTo(sha);
        assertThat(event.meta("actor")).isEqualTo("clerk");

        long before = events.count();
        assertProblem(api.as("approver").post("/api/disbursements/" + payment + "/approve", "{}"), 409,
                "DISCLOSURE_PERIOD_OPEN");
        assertThat(events.count()).isEqualTo(before);

        JsonNode view = noticeWhen(noticeId, n -> n.path("contentSha256").asText().equals(sha));
        NoticeContent shown = JSON.treeToValue(view.path("content"), NoticeContent.class);
        assertThat(NoticeJson.sha256(shown)).as("the content shown is the content hashed").isEqualTo(sha);
        assertThat(shown.periodStart()).isNotNull();
        assertThat(api.as("township").get("/api/notices?level=VILLAGE&placeCode=" + VILLAGE).json()
                .findValuesAsText("noticeId")).contains(noticeId);
    }

    @Test
    void thePublicJsonOfANoticeIsExactlyTheBytesWhoseHashWasRecordedAtPublication() throws Exception {
        String payment = requestedPayment();
        String noticeId = nextNoticeId();
        Api.Response published = api.as("clerk").post("/api/notices", content(noticeId, payment, "村道资金公示"));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        String recorded = events.of(noticeId, "NoticePublishedEvent").get(0).payload().path("contentSha256").asText();

        byte[][] served = new byte[1][];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            java.net.http.HttpResponse<byte[]> json = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://localhost:" + port + "/disclosure/notices/" + noticeId + ".json")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(json.statusCode()).isEqualTo(200);
            served[0] = json.body();
        });

        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(served[0]));
        assertThat(hash).as("anyone can check the page against the publication event").isEqualTo(recorded)
                .isEqualTo(published.json().path("contentSha256").asText());
    }

    @Test
    void anyoneObjectsWithoutLoginTheContactIsSealedAndAnOfficerResolves() {
        String payment = requestedPayment();
        String noticeId = publishListing(payment);

        String objectionId = object(noticeId, payment, "该村道已由其他项目硬化", "13912345678");

        assertThat(objectionId).startsWith("OBJ-");
        StoredEvents.StoredEvent filed = events.of(noticeId, "ObjectionFiledEvent").get(0);
        assertThat(filed.payload().toString()).doesNotContain("13912345678");
        assertThat(filed.payload().path("contactCiphertext").asText()).startsWith("v1:");
        assertThat(filed.meta("actor")).isEqualTo("public");
        assertThat(filed.meta("role")).isEqualTo("PUBLIC");
        assertThat(filed.meta("remoteAddress")).as("an objector is not traced by address").isNull();
        assertProblem(api.as("approver").post("/api/disbursements/" + payment + "/approve", "{}"), 409,
                "OBJECTION_PENDING");

        JsonNode shown = noticeWhen(noticeId, n -> n.path("objections").size() == 1);
        assertThat(shown.path("objections").get(0).path("outcome").asText()).isEqualTo("PENDING");
        assertThat(shown.toString()).doesNotContain("其他项目硬化", "13912345678");
        Api.Response forOfficers = api.as("approver").get("/api/notices/" + noticeId + "/objections");
        assertThat(forOfficers.json().get(0).path("text").asText()).isEqualTo("该村道已由其他项目硬化");
        assertThat(forOfficers.json().get(0).path("contactGiven").asBoolean()).isTrue();
        assertThat(forOfficers.body()).doesNotContain("13912345678");
        assertThat(api.as("clerk").get("/api/notices/" + noticeId + "/objections").status()).isEqualTo(403);

        Api.Response resolved = api.as("approver").post("/api/notices/" + noticeId + "/objections/" + objectionId
                + "/resolve", "{\"outcome\": \"DISMISSED\", \"reason\": \"经核实，该路段未重复立项\"}");

        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().path("correctionDue").asBoolean()).isFalse();
        noticeWhen(noticeId, n -> n.path("objections").get(0).path("outcome").asText().equals("DISMISSED")
                && n.path("objections").get(0).path("handling").asText().equals("经核实，该路段未重复立项"));
        // The objection no longer holds the payment; the period still does.
        assertProblem(api.as("approver").post("/api/disbursements/" + payment + "/approve", "{}"), 409,
                "DISCLOSURE_PERIOD_OPEN");
    }

    @Test
    void anUpheldObjectionRejectsThePaymentItNamesAndACorrectionIsDue() {
        String payment = requestedPayment();
        String noticeId = publishListing(payment);
        String objectionId = object(noticeId, payment, "收款村与公示不符", null);

        Api.Response resolved = api.as("auditor").post("/api/notices/" + noticeId + "/objections/" + objectionId
                + "/resolve", "{\"outcome\": \"UPHELD\", \"reason\": \"收款村填写错误\"}");

        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().path("correctionDue").asBoolean()).isTrue();
        assertThat(resolved.json().path("rejectedDisbursements").get(0).asText()).isEqualTo(payment);
        StoredEvents.StoredEvent rejected = events.of(payment, "DisbursementRejectedEvent").get(0);
        assertThat(rejected.payload().path("reason").asText()).isEqualTo("异议成立：收款村填写错误");
        assertThat(rejected.payload().path("rejectedBy").asText()).isEqualTo("auditor");
        assertProblem(api.as("approver").post("/api/notices/" + noticeId + "/objections/" + objectionId
                + "/resolve", "{\"outcome\": \"DISMISSED\", \"reason\": \"再议\"}"), 409, "OBJECTION_ALREADY_RESOLVED");
        // The ledger publishes the correction by itself: the same notice less the withdrawn payment, superseding it.
        JsonNode correction = ledger.awaitNotice("NTC-CR-" + objectionId);
        assertThat(correction.path("content").path("kind").asText()).isEqualTo("CORRECTION");
        assertThat(correction.path("content").path("supersedes").asText()).isEqualTo(noticeId);
        assertThat(correction.path("content").path("correctionReason").asText()).isEqualTo("异议成立：收款村填写错误");
        assertThat(correction.path("content").path("placeCode").asText()).isEqualTo(VILLAGE);
        assertThat(correction.path("content").path("rows").findValuesAsText("item")).doesNotContain(payment);
        assertThat(events.of("NTC-CR-" + objectionId, "NoticePublishedEvent").get(0).meta("actor"))
                .isEqualTo("system:disclosure-publisher");
        noticeWhen(noticeId, n -> n.path("supersededBy").asText().equals("NTC-CR-" + objectionId));
    }

    @Test
    void theSixthObjectionWithinAMinuteFromOneAddressIsRefusedWhileOtherAddressesAreNot() {
        String payment = requestedPayment();
        String noticeId = publishListing(payment);
        FromAddress busy = somebody();
        String path = "/disclosure/notices/" + noticeId + "/objections";
        for (int i = 1; i <= 5; i++) {
            FromAddress.Answer answer = busy.post(path, objection(payment, "第" + i + "条异议", null));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        }
        long before = events.count();

        FromAddress.Answer sixth = busy.post(path, objection(payment, "第6条异议", null));

        assertThat(sixth.status()).as(sixth.toString()).isEqualTo(429);
        assertThat(sixth.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(sixth.code()).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(sixth.headers().get("retry-after"))).isBetween(1, 60);
        assertThat(events.count()).isEqualTo(before);
        assertThat(somebody().post(path, objection(payment, "另一人的异议", null)).status()).isEqualTo(201);
    }

    @Nested
    class Refusals {

        @Test
        void onlyAClerkPublishesAndOnlyAnApproverOrAuditorResolves() {
            String noticeId = nextNoticeId();
            String body = content(noticeId, "PRJ-2095-NONE", "公示");
            assertProblem(api.as("approver").post("/api/notices", body), 403, "FORBIDDEN");
            assertProblem(api.anonymous().post("/api/notices", body), 401, "UNAUTHENTICATED");
            assertProblem(api.as("clerk").post("/api/notices/" + noticeId + "/objections/OBJ-1/resolve",
                    "{\"outcome\": \"DISMISSED\", \"reason\": \"无\"}"), 403, "FORBIDDEN");
            assertProblem(api.anonymous().post("/api/demo/clock", "{\"advanceDays\": 1}"), 401, "UNAUTHENTICATED");
            assertProblem(api.as("clerk").post("/api/demo/clock", "{\"advanceDays\": 1}"), 403, "FORBIDDEN");
        }

        @Test
        void aNoticeListingAnIdNumberIsNotPublishedAndNothingIsRecorded() {
            String payment = requestedPayment();
            long before = events.count();

            JsonNode problem = assertProblem(api.as("clerk").post("/api/notices",
                    content(nextNoticeId(), payment, "公示 " + Households.idNumber(9095))), 422, "NOTICE_INVALID");

            assertThat(problem.path("errors").findValuesAsText("code")).contains("PERSONAL_NUMBER_IN_NOTICE");
            assertThat(problem.toString()).doesNotContain(Households.idNumber(9095));
            assertThat(events.count()).isEqualTo(before);
        }

        @Test
        void aNoticeListingAPaymentThatDoesNotExistIsNotPublished() {
            JsonNode problem = assertProblem(api.as("clerk").post("/api/notices",
                    content(nextNoticeId(), "DSB-2095-NONE", "公示")), 422, "NOTICE_INVALID");
            assertThat(problem.path("errors").findValuesAsText("code")).containsExactly("ITEM_UNKNOWN");
        }

        @Test
        void anObjectionNamesANoticeAnItemItListsAndSaysWhatIsWrong() {
            String payment = requestedPayment();
            String noticeId = publishListing(payment);
            FromAddress somebody = somebody();

            FromAddress.Answer unknown = somebody.post("/disclosure/notices/NTC-HTTP-9999/objections",
                    objection(payment, "异议", null));
            FromAddress.Answer malformed = somebody.post("/disclosure/notices/not-a-notice/objections",
                    objection(payment, "异议", null));
            FromAddress.Answer notListed = somebody.post("/disclosure/notices/" + noticeId + "/objections",
                    objection("DSB-2095-OTHER", "异议", null));
            FromAddress.Answer empty = somebody.post("/disclosure/notices/" + noticeId + "/objections",
                    objection(payment, " ", "1".repeat(101)));

            assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
            assertThat(unknown.code()).isEqualTo("NOTICE_NOT_FOUND");
            assertThat(malformed.status()).isEqualTo(404);
            assertThat(notListed.status()).as(notListed.toString()).isEqualTo(422);
            assertThat(notListed.code()).isEqualTo("ITEM_NOT_LISTED");
            assertThat(empty.status()).as(empty.toString()).isEqualTo(422);
            assertThat(empty.json().path("errors").findValuesAsText("code"))
                    .containsExactly("TEXT_REQUIRED", "CONTACT_INVALID");
            assertThat(events.of(noticeId, "ObjectionFiledEvent")).isEmpty();
        }

        @Test
        void anObjectionLargerThanTheFormAllowsIsRefusedBeforeItIsRead() {
            String payment = requestedPayment();
            String noticeId = publishListing(payment);

            FromAddress.Answer tooLarge = somebody().post("/disclosure/notices/" + noticeId + "/objections",
                    objection(payment, "异".repeat(9_000), null));

            assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
            assertThat(tooLarge.code()).isEqualTo("BODY_TOO_LARGE");
        }

        @Test
        void nothingButReadingAndObjectingIsOpenUnderDisclosure() {
            FromAddress somebody = somebody();
            FromAddress.Answer put = somebody.send("PUT", "/disclosure/notices/NTC-HTTP-0001/objections",
                    "application/json", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            FromAddress.Answer post = somebody.post("/disclosure/notices/NTC-HTTP-0001", "{}");

            assertThat(put.status()).as(put.toString()).isEqualTo(401);
            assertThat(post.status()).as(post.toString()).isEqualTo(401);
        }

        @Test
        void theDemoClockMovesOneToThreeHundredSixtyFiveDaysForwardOnly() {
            // Other tests of the shared ledger move the clock past publicity periods; a refused move moves nothing.
            Long offset = jdbc.queryForObject("SELECT offset_seconds FROM demo_clock WHERE clock_id = 1", Long.class);
            assertProblem(api.as("approver").post("/api/demo/clock", "{\"advanceDays\": 0}"), 422,
                    "ADVANCE_DAYS_OUT_OF_RANGE");
            assertProblem(api.as("auditor").post("/api/demo/clock", "{\"advanceDays\": -3}"), 422,
                    "ADVANCE_DAYS_OUT_OF_RANGE");
            assertProblem(api.as("auditor").post("/api/demo/clock", "{\"advanceDays\": 366}"), 422,
                    "ADVANCE_DAYS_OUT_OF_RANGE");
            assertProblem(api.as("auditor").post("/api/demo/clock", "{}"), 422, "ADVANCE_DAYS_OUT_OF_RANGE");
            assertThat(jdbc.queryForObject("SELECT offset_seconds FROM demo_clock WHERE clock_id = 1", Long.class))
                    .isEqualTo(offset);
        }
    }
}
