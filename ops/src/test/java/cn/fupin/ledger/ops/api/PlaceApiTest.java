package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.StoredEvents;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.place.VillageCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static cn.fupin.ledger.ops.api.ProblemAssertions.fieldErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The places of Cangxi county (510824) and poor-village designations over HTTP. Each test designates villages of
 * its own, in townships 桥溪乡 (510824229), 彭店乡 (510824228) and 白山乡 (510824226), which no other test touches.
 */
@LedgerTest
class PlaceApiTest extends LedgerApiTest {

    static final String TOWNSHIPS = "/api/places/townships";


    static String designations(String villageCode) {
        return "/api/places/villages/" + villageCode + "/poor-designations";
    }

    static String designation(int year, String documentNo) {
        return "{\"year\": %d, \"documentNo\": \"%s\"}".formatted(year, documentNo);
    }

    long eventsOf(String villageCode) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, VillageCode.streamIdOf(villageCode));
    }

    long allEvents() {
        return jdbc.queryForObject(StoredEvents.COUNT_EXCEPT_NOTICES, Long.class);
    }

    JsonNode village(String code) {
        Api.Response townships = api.as("reviewer").get(TOWNSHIPS);
        assertThat(townships.status()).isEqualTo(200);
        for (JsonNode township : townships.json()) {
            for (JsonNode village : township.path("villages")) {
                if (village.path("code").asText().equals(code)) {
                    return village;
                }
            }
        }
        throw new AssertionError("no village " + code + " in " + TOWNSHIPS);
    }

    static List<Integer> years(JsonNode village) {
        List<Integer> years = new ArrayList<>();
        village.path("poorVillageYears").forEach(year -> years.add(year.asInt()));
        return years;
    }

    @Nested
    class TheTownships {

        @Test
        void areTheThirtyFourTownshipsOfCangxiEachWithItsVillages() {
            Api.Response answer = api.as("clerk").get(TOWNSHIPS);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.contentType()).startsWith("application/json");
            JsonNode townships = answer.json();
            assertThat(townships).hasSize(34);
            Set<String> townshipCodes = new HashSet<>();
            Set<String> villageCodes = new HashSet<>();
            for (JsonNode township : townships) {
                String code = township.path("code").asText();
                assertThat(code).matches("510824\\d{3}");
                assertThat(township.path("name").asText()).isNotBlank();
                assertThat(township.path("villages")).as("villages of %s", code).isNotEmpty();
                townshipCodes.add(code);
                for (JsonNode village : township.path("villages")) {
                    assertThat(village.path("code").asText()).startsWith(code).matches("\\d{12}");
                    assertThat(village.path("name").asText()).isNotBlank();
                    assertThat(village.path("poorVillage").isBoolean()).isTrue();
                    assertThat(village.path("poorVillageYears").isArray()).isTrue();
                    villageCodes.add(village.path("code").asText());
                }
            }
            assertThat(townshipCodes).hasSize(34).contains("510824100", "510824229");
            assertThat(villageCodes).hasSize(457);
            assertThat(townships.get(0).path("code").asText()).isEqualTo("510824100");
            assertThat(townships.get(0).path("name").asText()).isEqualTo("陵江镇");
        }

        @Test
        void areReadByEveryStaffRole() {
            for (String user : List.of("clerk", "approver", "auditor", "reviewer", "township")) {
                assertThat(api.as(user).get(TOWNSHIPS).status()).as(user).isEqualTo(200);
            }
        }

        @Test
        void areNotShownToAnybodyAnonymous() {
            assertProblem(api.anonymous().get(TOWNSHIPS), 401, "UNAUTHENTICATED");
        }
    }

    @Nested
    class ADesignation {

        @Test
        void byAClerkMakesTheVillageAPoorVillageOfThatYear() {
            assertThat(village("510824229212").path("poorVillage").asBoolean()).isFalse();

            Api.Response designated = api.as("clerk").post(designations("510824229212"),
                    designation(2014, "苍委发〔2014〕12号"));

            assertThat(designated.status()).as("%s", designated).isEqualTo(201);
            assertThat(designated.json().path("villageCode").asText()).isEqualTo("510824229212");
            assertThat(designated.json().path("year").asInt()).isEqualTo(2014);
            assertThat(eventsOf("510824229212")).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode village = village("510824229212");
                assertThat(village.path("poorVillage").asBoolean()).isTrue();
                assertThat(years(village)).containsExactly(2014);
            });
        }

        @Test
        void ofSeveralYearsListsTheYearsAscendingWhateverOrderTheyCameIn() {
            assertThat(api.as("clerk").post(designations("510824228204"), designation(2016, "苍委发〔2016〕3号")).status())
                    .isEqualTo(201);
            assertThat(api.as("clerk2").post(designations("510824228204"), designation(2014, "苍委发〔2014〕3号")).status())
                    .isEqualTo(201);

            assertThat(eventsOf("510824228204")).isEqualTo(2);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode village = village("510824228204");
                assertThat(village.path("poorVillage").asBoolean()).isTrue();
                assertThat(years(village)).containsExactly(2014, 2016);
            });
        }

        @Test
        void leavesTheOtherVillagesOfTheTownshipAsTheyWere() {
            assertThat(api.as("clerk").post(designations("510824226205"), designation(2015, "苍委发〔2015〕5号")).status())
                    .isEqualTo(201);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(village("510824226205").path("poorVillage").asBoolean()).isTrue());
            JsonNode neighbour = village("510824226206");
            assertThat(neighbour.path("poorVillage").asBoolean()).isFalse();
            assertThat(years(neighbour)).isEmpty();
        }
    }

    @Nested
    class Refusals {

        @Test
        void aVillageIsDesignatedForAYearOnlyOnce() {
            assertThat(api.as("clerk").post(designations("510824228208"), designation(2014, "苍委发〔2014〕8号")).status())
                    .isEqualTo(201);
            long before = allEvents();

            Api.Response again = api.as("clerk2").post(designations("510824228208"), designation(2014, "苍委发〔2014〕9号"));

            assertProblem(again, 409, "ALREADY_DESIGNATED");
            assertThat(allEvents()).isEqualTo(before);
            assertThat(eventsOf("510824228208")).isEqualTo(1);
        }

        @Test
        void aVillageCodeThatIsNotInTheCountysGazetteerIsNotFound() {
            long before = allEvents();

            Api.Response refused = api.as("clerk").post(designations("510824229999"), designation(2014, "苍委发〔2014〕99号"));

            assertProblem(refused, 404, "VILLAGE_NOT_FOUND");
            assertThat(allEvents()).isEqualTo(before);
        }

        @Test
        void aVillageCodeOfTheWrongShapeIsNotFound() {
            long before = allEvents();

            Api.Response refused = api.as("clerk").post(designations("51082422921"), designation(2014, "苍委发〔2014〕98号"));

            assertProblem(refused, 404, "VILLAGE_NOT_FOUND");
            assertThat(allEvents()).isEqualTo(before);
        }

        @Test
        void aDesignationWithoutItsDocumentNumberIsInvalid() {
            long before = allEvents();

            Api.Response refused = api.as("clerk").post(designations("510824229214"), "{\"year\": 2014}");

            assertThat(fieldErrors(assertProblem(refused, 422, "VALIDATION_FAILED"))).containsExactly("documentNo:REQUIRED");
            assertThat(allEvents()).isEqualTo(before);
        }

        @Test
        void aDesignationWithoutAYearIsInvalid() {
            Api.Response refused = api.as("clerk").post(designations("510824229214"), "{\"documentNo\": \"苍委发〔2014〕14号\"}");

            assertThat(fieldErrors(assertProblem(refused, 422, "VALIDATION_FAILED"))).containsExactly("year:REQUIRED");
            assertThat(eventsOf("510824229214")).isZero();
        }

        @Test
        void aDesignationOfAYearBeforeTwoThousandIsInvalid() {
            Api.Response refused = api.as("clerk").post(designations("510824229214"), designation(1999, "苍委发〔1999〕1号"));

            assertThat(fieldErrors(assertProblem(refused, 422, "VALIDATION_FAILED"))).containsExactly("year:OUT_OF_RANGE");
            assertThat(eventsOf("510824229214")).isZero();
        }

        @Test
        void anApproverMayNotDesignate() {
            Api.Response refused = api.as("approver").post(designations("510824229214"), designation(2014, "苍委发〔2014〕15号"));

            assertProblem(refused, 403, "FORBIDDEN");
            assertThat(eventsOf("510824229214")).isZero();
        }

        @Test
        void aTownshipUserMayNotDesignateEvenInTheirOwnTownship() {
            Api.Response refused = api.as("township").post(designations("510824100001"), designation(2014, "苍委发〔2014〕16号"));

            assertProblem(refused, 403, "FORBIDDEN");
            assertThat(eventsOf("510824100001")).isZero();
        }
    }
}
