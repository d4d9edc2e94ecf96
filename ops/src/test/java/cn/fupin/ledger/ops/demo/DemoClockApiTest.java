package cn.fupin.ledger.ops.demo;

import cn.fupin.ledger.ops.LedgerApplication;
import cn.fupin.ledger.ops.clock.DemoClock;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.FromAddress;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import cn.fupin.ledger.ops.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo clock as a newcomer uses it, in a ledger of its own (moving the clock of the ledger every other test shares
 * would end their periods too): a notice holds a payment; the clock moves forward a day, then ten more; the period is
 * over by the ledger's clock, the payment is approved, no objection is taken any more (the notice's page no longer
 * offers its form, and a form posted late is answered with a page saying so), and the period's deadline fires by the
 * ledger's time and records its end. Each move is listed in the clock's moves; a move back is refused. A demo ledger
 * without the demo county starts at the system's time. Fiscal year 2096.
 */
class DemoClockApiTest {

    static final int YEAR = 2096;
    static final String VILLAGE = "510824100001";
    static final String NOTICE = "NTC-HTTP-0101";

    final TestDatabase database = TestDatabase.create();
    ConfigurableApplicationContext ledger;

    @AfterEach
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
        database.drop();
    }

    ConfigurableApplicationContext start() {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--ledger.demo.load-data=false",
                "--ledger.personal-data.key=" + LedgerTest.PERSONAL_DATA_KEY,
                "--ledger.test.own-database=true",
                "--logging.level.org.axonframework=warn",
                "--db-scheduler.polling-interval=1s"));
        database.properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(LedgerApplication.class).profiles("demo")
                .run(arguments.toArray(String[]::new));
    }

    @Test
    void movingTheDemoClockForwardEndsAPublicityPeriodAndThePaymentItHeldIsApproved() {
        ledger = start();
        int port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
        Api api = new Api(port);
        StoredEvents events = new StoredEvents(ledger.getBean(JdbcTemplate.class));
        Ledger setUp = new Ledger(api);
        String central = setUp.appropriate(YEAR, "CENTRAL", 100_000, "财农〔2096〕1号");
        setUp.designatePoor(VILLAGE, YEAR);
        String projectId = setUp.propose("clerk", project("村道", "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(central, 10_000) + "]"));
        setUp.approve("approver", projectId);
        String payment = setUp.requestDisbursement("clerk", projectId, "villageCode", VILLAGE, 1_000_00L,
                "苍扶贫付〔2096〕1号");
        Api.Response published = api.as("clerk").post("/api/notices", """
                {"noticeId": "%s", "kind": "GRANT_LIST", "level": "VILLAGE", "placeCode": "%s", "placeName": "金穗社区",
                 "title": "村道资金公示", "columns": ["项目", "金额（元）"],
                 "rows": [{"item": "%s", "cells": ["村道", "1000.00"]}], "hotline": "12317"}
                """.formatted(NOTICE, VILLAGE, payment));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        Instant periodEndsAt = Instant.parse(published.json().path("periodEndsAt").asText());
        String approve = "/api/disbursements/" + payment + "/approve";
        assertThat(api.as("approver").post(approve, "{}").code()).isEqualTo("DISCLOSURE_PERIOD_OPEN");
        String page = "/disclosure/notices/" + NOTICE + ".html";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.anonymous().get(page).body())
                .contains("<form method=\"post\" action=\"../notices/" + NOTICE + "/objections\""));

        assertThat(api.as("auditor").get("/api/demo/clock/moves").json()).as("not started in 2015: no demo county")
                .isEmpty();
        Instant before = Instant.now();
        Api.Response oneDay = api.as("approver").post("/api/demo/clock", "{\"advanceDays\": 1}");

        assertThat(oneDay.status()).as(oneDay.toString()).isEqualTo(200);
        assertThat(oneDay.json().path("offsetDays").asLong()).isEqualTo(1);
        assertThat(Instant.parse(oneDay.json().path("now").asText()))
                .isBetween(before.plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
        assertThat(ledger.getBean(DemoClock.class).offset()).isEqualTo(Duration.ofDays(1));
        assertThat(api.as("approver").post(approve, "{}").code()).isEqualTo("DISCLOSURE_PERIOD_OPEN");

        Api.Response tenMore = api.as("auditor").post("/api/demo/clock", "{\"advanceDays\": 10}");
        assertThat(tenMore.json().path("offsetDays").asLong()).isEqualTo(11);
        assertThat(Instant.parse(tenMore.json().path("now").asText())).isAfter(periodEndsAt);
        Api.Response back = api.as("approver").post("/api/demo/clock", "{\"advanceDays\": -11}");
        assertThat(back.status()).isEqualTo(422);
        assertThat(back.code()).isEqualTo("ADVANCE_DAYS_OUT_OF_RANGE");
        JsonNode moves = api.as("clerk").get("/api/demo/clock/moves").json();
        assertThat(moves).hasSize(2);
        assertThat(moves.findValuesAsText("movedBy")).containsExactly("approver", "auditor");
        for (JsonNode move : moves) {
            assertThat(Duration.between(Instant.parse(move.path("from").asText()),
                    Instant.parse(move.path("to").asText()))).isIn(Duration.ofDays(1), Duration.ofDays(10));
        }
        assertThat(api.anonymous().get("/api/demo/clock/moves").status()).isEqualTo(401);

        Api.Response approved = api.as("approver").post(approve, "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("APPROVED");
        FromAddress.Answer late = new FromAddress(port, "127.0.0.99").post(
                "/disclosure/notices/" + NOTICE + "/objections", "{\"item\": \"%s\", \"text\": \"迟到的异议\"}"
                        .formatted(payment));
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("OBJECTION_PERIOD_ENDED");
        // The notice's page is re-rendered when the period's end is recorded (its deadline fires by the ledger's clock)
        // and no longer offers the form; a form posted from a page loaded before the end is answered with a page that
        // says the period is over, and records nothing.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.anonymous().get(page).body())
                .contains("不再在网上受理异议").doesNotContain("<form"));
        FromAddress.Answer lateForm = new FromAddress(port, "127.0.0.98").send("POST",
                "/disclosure/notices/" + NOTICE + "/objections", "application/x-www-form-urlencoded",
                ("item=" + payment + "&text=%E8%BF%9F%E5%88%B0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(lateForm.status()).as(lateForm.toString()).isEqualTo(409);
        assertThat(lateForm.headers().get("content-type")).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(lateForm.body()).contains("本公告的公示期已经结束，不再在网上受理异议。");
        assertThat(events.of(NOTICE, "ObjectionFiledEvent")).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<StoredEvents.StoredEvent> ended = events.of(NOTICE, "NoticePeriodEndedEvent");
            assertThat(ended).hasSize(1);
            assertThat(ended.get(0).meta("actor")).isEqualTo("system:notice-period");
        });
    }

    /** A demo clock with no database behind it: enough to see whether the endpoint exists. */
    static DemoClock unstoredClock() {
        return new DemoClock(java.time.Clock.systemUTC(), null, null) {
            @Override
            public void afterSingletonsInstantiated() {
                // nothing stored to read
            }
        };
    }

    @Test
    void outsideTheDemoProfileThereIsNoClockToMove() {
        new ApplicationContextRunner()
                .withBean(DemoClock.class, DemoClockApiTest::unstoredClock)
                .withUserConfiguration(DemoClockController.class)
                .run(context -> assertThat(context).doesNotHaveBean(DemoClockController.class));
        new ApplicationContextRunner()
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("demo"))
                .withBean(DemoClock.class, DemoClockApiTest::unstoredClock)
                .withUserConfiguration(DemoClockController.class)
                .run(context -> assertThat(context).hasSingleBean(DemoClockController.class));
    }
}
