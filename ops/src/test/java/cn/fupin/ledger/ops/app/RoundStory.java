package cn.fupin.ledger.ops.app;

import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Ledger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A competitive round of the rounds screens' tests, made through the API as the county makes one: a fund of the year,
 * the two townships' assessments of the year before, three proposed projects (two of 城郊镇 510824100 for user
 * {@code township}, one of 510824102 for {@code township2}) and a round opened by the clerk with 乡镇考核结果 40% and
 * 带贫成效 60%, its deadline two hours ahead by the ledger's clock. Fiscal years 2009 and 2010 are the screens'.
 */
record RoundStory(String fund, String round, Instant deadline, String projectA, String projectB, String projectC) {

    static final String T1 = "510824100";
    static final String T2 = "510824102";
    static final String VILLAGE_1 = "510824100205";
    static final String VILLAGE_2 = "510824102204";
    static final String BENEFIT = "带贫成效";

    static RoundStory open(Api api, int year, String label) {
        Ledger ledger = new Ledger(api);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String fund = ledger.appropriate(year, "PROVINCIAL", 5_000, "川财农〔" + year + "〕rounds-" + tag);
        for (String village : List.of(VILLAGE_1, VILLAGE_2)) {
            Api.Response poor = api.as("clerk").post("/api/places/villages/" + village + "/poor-designations",
                    "{\"year\": %d, \"documentNo\": \"测试〔%d〕1号\"}".formatted(year, year));
            assertThat(poor.status()).as(poor.toString()).isIn(201, 409);
        }
        for (String township : List.of(T1, T2)) {
            Api.Response assessed = api.as("clerk").post("/api/townships/" + township + "/assessments",
                    "{\"year\": %d, \"score\": %s, \"documentNo\": \"苍委办〔%d〕rounds\"}".formatted(year - 1,
                            township.equals(T1) ? "90" : "80.5", year));
            assertThat(assessed.status()).as(assessed.toString()).isIn(201, 409);
        }
        String a = ledger.propose("township", project(label + "产业路", "ROADS", VILLAGE_1, "VILLAGE", year,
                "[" + line(fund, 600) + "]"));
        String b = ledger.propose("township", project(label + "饮水", "WATER", VILLAGE_1, "VILLAGE", year,
                "[" + line(fund, 300) + "]"));
        String c = ledger.propose("township2", project(label + "山坪塘", "WATER", VILLAGE_2, "VILLAGE", year,
                "[" + line(fund, 300) + "]"));
        Instant deadline = ledger.now().plus(Duration.ofHours(2));
        Api.Response opened = api.as("clerk").post("/api/competitions", """
                {"fiscalYear": %d, "fundId": "%s", "budgetFen": %d, "deadline": "%s", "name": "%s",
                 "criteria": [{"name": "TOWNSHIP_ASSESSMENT", "weight": 40}, {"name": "%s", "weight": 60}]}
                """.formatted(year, fund, 1_000_00L, deadline, year + "年度" + label + "竞争性分配", BENEFIT));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String round = opened.json().path("competitionId").asText();
        // The screens read the round and the township's projects from the read models: wait until they hold them.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.as("township").get("/api/competitions/" + round).status()).isEqualTo(200);
            for (String projectId : List.of(a, b, c)) {
                assertThat(api.as("township").get("/api/projects/" + projectId).status()).isEqualTo(200);
            }
        });
        return new RoundStory(fund, round, deadline, a, b, c);
    }

    /** Moves the ledger's clock past the deadline (if need be) and closes the round as the approver. */
    void close(Api api) {
        Ledger ledger = new Ledger(api);
        if (!ledger.now().isAfter(deadline)) {
            ledger.advanceDays(1);
        }
        Api.Response closed = api.as("approver").post("/api/competitions/" + round + "/close", "");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.as("township")
                .get("/api/competitions/" + round).json().path("status").asText()).isEqualTo("CLOSED"));
    }
}
