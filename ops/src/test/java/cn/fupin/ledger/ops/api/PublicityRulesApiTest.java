package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publicity that cannot be pre-empted or faked by hand, over HTTP, tried as a hostile clerk would: the ids of the
 * notices the ledger publishes by itself are not to be had by hand. Fiscal year 2071, 金穗社区 (510824100001).
 */
@LedgerTest
class PublicityRulesApiTest extends LedgerApiTest {

    static final int YEAR = 2071;
    static final String VILLAGE = "510824100001";

    static String fund;

    Ledger ledger;

    @BeforeEach
    void fund() {
        ledger = new Ledger(api);
        if (fund == null) {
            fund = ledger.appropriate(YEAR, "CENTRAL", 1_000_000, "财农〔2071〕1号");
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

    @Nested
    class ReservedIds {

        @Test
        void aClerkCannotTakeTheIdOfANoticeTheLedgerWillPublishAndTheLedgerStillPublishesIt() {
            String projectId = proposedRoad();
            String plan = Ledger.planNotice(projectId);
            for (String taken : List.of(plan, "NTC-pp-" + projectId, "NTC-PC-" + projectId, "NTC-PT-" + projectId,
                    "NTC-GL-GB-2071-0001-" + VILLAGE, "NTC-CA-" + projectId, "NTC-CR-OBJ-1", "NTC-FA-APR-1",
                    "NTC-RR-CMP-2071-01")) {
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
