package cn.fupin.ledger.ops.county;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households.Row;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static cn.fupin.ledger.ops.testing.Households.csv;
import static cn.fupin.ledger.ops.testing.Households.household;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ledger configured for another county of Sichuan (issue 11, item 8): 利州区 of Guangyuan (510802) instead of Cangxi.
 * Its places are its own, Cangxi's are unknown to it, and every id it makes carries its code.
 */
@LedgerTest
@TestPropertySource(properties = "ledger.county.code=510802")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AnyCountyApiTest extends LedgerApiTest {

    /** A village of 利州区, from the shipped gazetteer (its first township's first village). */
    String aVillage() {
        JsonNode townships = api.as("clerk").get("/api/places/townships").json();
        return townships.get(0).path("villages").get(0).path("code").asText();
    }

    @Test
    void itsTownshipsAndVillagesAreThoseOfTheConfiguredCounty() {
        JsonNode townships = api.as("clerk").get("/api/places/townships").json();

        assertThat(townships).isNotEmpty();
        assertThat(townships).allSatisfy(township -> {
            assertThat(township.path("code").asText()).startsWith("510802");
            assertThat(township.path("villages")).allSatisfy(v -> assertThat(v.path("code").asText()).startsWith("510802"));
        });
        assertThat(townships.toString()).doesNotContain("陵江镇").doesNotContain("510824");
    }

    @Test
    void aVillageOfAnotherCountyIsUnknown() {
        Api.Response designated = api.as("clerk").post("/api/places/villages/510824100001/poor-designations",
                "{\"year\": 2016, \"documentNo\": \"利扶贫〔2016〕1号\"}");
        Row cangxi = household(9601).withVillageCode("510824100001");
        Api.Response imported = api.as("clerk").postCsv("/api/households/imports", csv(cangxi));

        assertThat(designated.status()).as(designated.toString()).isEqualTo(404);
        assertThat(designated.code()).isEqualTo("VILLAGE_NOT_FOUND");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(422);
        assertThat(imported.json().path("errors").get(0).path("field").asText()).isEqualTo("villageCode");
    }

    @Test
    void itsOwnVillagesTakeDesignationsAndHouseholds() {
        String village = aVillage();
        Api.Response designated = api.as("clerk").post("/api/places/villages/" + village + "/poor-designations",
                "{\"year\": 2016, \"documentNo\": \"利扶贫〔2016〕2号\"}");
        Api.Response imported = api.as("clerk").postCsv("/api/households/imports",
                csv(household(9602).withVillageCode(village)));

        assertThat(designated.status()).as(designated.toString()).isEqualTo(201);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    }

    @Test
    void theIdsItMakesCarryItsCode() {
        Api.Response appropriated = api.as("clerk").post("/api/funds/appropriations", """
                {"fiscalYear": 2016, "source": "COUNTY", "amountFen": 100000000, "documentNo": "利财农〔2016〕1号"}
                """);
        assertThat(appropriated.status()).as(appropriated.toString()).isEqualTo(201);
        String fundId = appropriated.json().path("fundId").asText();
        assertThat(appropriated.json().path("appropriationId").asText()).matches("APPR-510802-[0-9a-f-]{36}");

        String village = aVillage();
        api.as("clerk").post("/api/places/villages/" + village + "/poor-designations",
                "{\"year\": 2016, \"documentNo\": \"利扶贫〔2016〕3号\"}");
        Api.Response proposed = api.as("clerk").post("/api/projects", """
                {"name": "村道硬化", "workArea": "ROADS", "villageCode": "%s", "beneficiary": "VILLAGE",
                 "budget": [{"fundId": "%s", "amountFen": 3000000}], "implementer": "村民委员会",
                 "supervisor": "镇人民政府", "startDate": "2016-04-01", "endDate": "2016-10-31", "expectedHouseholds": 40}
                """.formatted(village, fundId));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.json().path("projectId").asText()).matches("PRJ-510802-[0-9a-f-]{36}");
    }

    @Test
    void itsPublicPagesAndNoticesAreTheCountys() {
        api.as("clerk").post("/api/funds/appropriations", """
                {"fiscalYear": 2017, "source": "CENTRAL", "amountFen": 200000000, "documentNo": "利财农〔2017〕1号"}
                """);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response county = api.anonymous().get("/disclosure/");
            assertThat(county.status()).isEqualTo(200);
            assertThat(county.body()).contains("利州区").doesNotContain("苍溪县");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode notices = api.as("clerk").get("/api/notices").json();
            assertThat(notices.toString()).contains("利财农〔2017〕1号");
            assertThat(notices).allSatisfy(notice -> assertThat(notice.path("content").path("placeCode").asText()).startsWith("510802"));
        });
    }
}
