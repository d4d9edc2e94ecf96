package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import cn.fupin.ledger.ops.testing.Households;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publicity that cannot be pre-empted or faked by hand, over HTTP, tried as a hostile clerk would: the ids of the
 * notices the ledger publishes by itself are not to be had by hand, and a notice published by hand makes a payment
 * public only when it is of the right kind, at the right village, naming it. Fiscal year 2063, 金穗社区
 * (510824100001) and 江南社区 (510824100002) of 陵江镇; households 9101 to 9110.
 */
@LedgerTest
class PublicityRulesApiTest extends LedgerApiTest {

    static final int YEAR = 2063;
    static final String VILLAGE = "510824100001";
    static final String OTHER_VILLAGE = "510824100002";
    static final String TOWNSHIP = "510824100";
    static final String COUNTY = "510824";

    static String fund;
    static int vouchers;

    Ledger ledger;

    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void fund() {
        ledger = new Ledger(api);
        if (fund == null) {
            fund = ledger.appropriate(YEAR, "CENTRAL", 1_000_000, "财农〔2063〕1号");
            ledger.designatePoor(VILLAGE, YEAR);
        }
    }

    String proposedRoad() {
        return ledger.propose("clerk", project("公示规则村道", "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(fund, 10_000) + "]"));
    }

    /** A notice's content as a clerk posts it: a village list whose one row names the item. */
    static String content(String noticeIdField, String kind, String level, String placeCode, String item) {
        return """
                {%s "kind": "%s", "level": "%s", "placeCode": "%s", "placeName": "公示地点",
                 "title": "手工公告", "body": "公示期内如有异议，请向村委会或乡镇人民政府反映。", "fields": [],
                 "columns": ["项目", "金额（元）"], "rows": [{"item": "%s", "cells": ["村道硬化", "1000.00"]}],
                 "supervisionPhone": "0839-5222000", "hotline": "12317"}
                """.formatted(noticeIdField, kind, level, placeCode, item);
    }

    static String withId(String noticeId) {
        return "\"noticeId\": \"" + noticeId + "\",";
    }

    /** Publishes a notice by hand as the clerk and returns its id. */
    String publishedByHand(String kind, String level, String placeCode, String item) {
        Api.Response published = api.as("clerk").post("/api/notices", content("", kind, level, placeCode, item));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        return published.json().path("noticeId").asText();
    }

    static String voucher() {
        return "苍扶贫付〔2063〕" + (++vouchers) + "号";
    }

    /**
     * With the automatic publisher stopped (as when it is behind, or skipped a notice it could not publish), only the
     * notices a clerk publishes by hand can make a payment public: each wrong one is tried, then the right one.
     */
    @Nested
    class HandMadeNotices {

        StreamingEventProcessor publisher;

        @BeforeEach
        void stopTheAutomaticPublisher() {
            publisher = processing.eventProcessor("disclosure-publisher", StreamingEventProcessor.class).orElseThrow();
            publisher.shutDown();
        }

        @AfterEach
        void startItAgain() {
            publisher.start();
        }

        @Test
        void discloseABatchsGrantsOnlyOnGrantListsOfTheHouseholdsVillagesNamingEach() {
            ledger.importHouseholds(household(9101).withVillageCode(VILLAGE),
                    household(9102).withVillageCode(OTHER_VILLAGE));
            String projectId = ledger.propose("clerk", project("公示规则到户", "INDUSTRY", VILLAGE, "HOUSEHOLDS", YEAR,
                    "[" + line(fund, 10_000) + "]"));
            ledger.approve("approver", projectId);
            Api.Response submitted = api.as("clerk").post("/api/grants/batches", """
                    {"projectId": "%s", "voucherNo": "%s", "items": [{"cardNo": "%s", "amountFen": 300000},
                     {"cardNo": "%s", "amountFen": 300000}]}""".formatted(projectId, voucher(),
                    Households.cardNo(9101), Households.cardNo(9102)));
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
            String batchId = submitted.json().path("batchId").asText();
            String first = submitted.json().path("disbursementIds").get(0).asText();
            String second = submitted.json().path("disbursementIds").get(1).asText();
            publishedByHand("GRANT_LIST", "COUNTY", COUNTY, batchId);
            publishedByHand("GRANT_LIST", "VILLAGE", VILLAGE, batchId);
            publishedByHand("GRANT_LIST", "TOWNSHIP", TOWNSHIP, first);
            publishedByHand("PROJECT_PLAN", "VILLAGE", OTHER_VILLAGE, second);
            publishedByHand("GRANT_LIST", "VILLAGE", OTHER_VILLAGE, first);
            ledger.afterPublicity();

            assertProblem(api.as("approver").post("/api/grants/batches/" + batchId + "/approve", "{}"), 409,
                    "NOT_DISCLOSED");
            assertThat(events.of(batchId)).hasSize(1);

            publishedByHand("GRANT_LIST", "VILLAGE", VILLAGE, first);
            publishedByHand("GRANT_LIST", "VILLAGE", OTHER_VILLAGE, second);
            ledger.afterPublicity();
            Api.Response approved = api.as("approver").post("/api/grants/batches/" + batchId + "/approve", "{}");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            assertThat(approved.json().path("approved").asInt()).isEqualTo(2);
        }

        @Test
        void discloseAPaymentToAVillageOnlyOnItsProjectsPlanAtThatVillage() {
            String projectId = proposedRoad();
            ledger.approve("approver", projectId);
            String payment = ledger.requestDisbursement("clerk", projectId, "villageCode", VILLAGE, 1_000_00L,
                    voucher());
            publishedByHand("GRANT_LIST", "VILLAGE", VILLAGE, payment);
            publishedByHand("PROJECT_LIST", "COUNTY", COUNTY, projectId);
            publishedByHand("PROJECT_LIST", "TOWNSHIP", TOWNSHIP, projectId);
            publishedByHand("PROJECT_PLAN", "TOWNSHIP", TOWNSHIP, projectId);
            publishedByHand("PROJECT_PLAN", "VILLAGE", OTHER_VILLAGE, projectId);
            ledger.afterPublicity();

            assertProblem(api.as("approver").post("/api/disbursements/" + payment + "/approve", "{}"), 409,
                    "NOT_DISCLOSED");
            assertThat(events.of(payment)).hasSize(1);

            publishedByHand("PROJECT_PLAN", "VILLAGE", VILLAGE, projectId);
            ledger.afterPublicity();
            Api.Response approved = api.as("approver").post("/api/disbursements/" + payment + "/approve", "{}");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        }
    }

    @Nested
    class ReservedIds {

        @Test
        void aClerkCannotTakeTheIdOfANoticeTheLedgerWillPublishAndTheLedgerStillPublishesIt() {
            String projectId = proposedRoad();
            String plan = Ledger.planNotice(projectId);
            for (String taken : List.of(plan, "NTC-pp-" + projectId, "NTC-PC-" + projectId, "NTC-PT-" + projectId,
                    "NTC-GL-GB-2063-0001-" + VILLAGE, "NTC-CA-" + projectId, "NTC-CR-OBJ-1", "NTC-FA-APR-1",
                    "NTC-RR-CMP-2063-01")) {
                JsonNode problem = assertProblem(api.as("clerk").post("/api/notices",
                        content(withId(taken), "PROJECT_PLAN", "VILLAGE", VILLAGE, projectId)), 422,
                        "NOTICE_ID_RESERVED");
                assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("noticeId");
                assertThat(events.of(taken)).as(taken).isEmpty();
            }
            // The deputy, clerk and approver at once, fares no better.
            assertProblem(api.as("deputy").post("/api/notices",
                    content(withId(plan), "PROJECT_PLAN", "VILLAGE", VILLAGE, projectId)), 422, "NOTICE_ID_RESERVED");

            ledger.approve("approver", projectId);

            JsonNode published = ledger.awaitNotice(plan);
            assertThat(published.path("content").path("kind").asText()).isEqualTo("PROJECT_PLAN");
            StoredEvents.StoredEvent publication = events.of(plan, "NoticePublishedEvent").get(0);
            assertThat(publication.meta("actor")).isEqualTo("system:disclosure-publisher");
            assertThat(publication.payload().path("publishedBy").asText()).isEqualTo("system:disclosure-publisher");
        }

        @Test
        void aNoticeWithoutAnIdGetsOneOfTheLedgersOwnOutsideThePublishersSeries() {
            String projectId = proposedRoad();

            Api.Response published = api.as("clerk").post("/api/notices",
                    content("", "PROJECT_PLAN", "VILLAGE", VILLAGE, projectId));

            assertThat(published.status()).as(published.toString()).isEqualTo(201);
            NoticeId noticeId = new NoticeId(published.json().path("noticeId").asText());
            assertThat(noticeId.isReservedForPublisher()).isFalse();
            assertThat(events.of(noticeId.value(), "NoticePublishedEvent").get(0).meta("actor")).isEqualTo("clerk");
        }
    }
}
