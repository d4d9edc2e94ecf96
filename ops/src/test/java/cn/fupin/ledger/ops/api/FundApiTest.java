package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@LedgerTest
class FundApiTest extends LedgerApiTest {


    private static String appropriation(int year, String source, long amountFen, String documentNo) {
        return """
                {"fiscalYear": %d, "source": "%s", "amountFen": %d, "documentNo": "%s", "note": "test"}
                """.formatted(year, source, amountFen, documentNo);
    }

    private JsonNode fund(int year, String source) {
        JsonNode funds = api.as("clerk").get("/api/funds?fiscalYear=" + year).json();
        for (JsonNode fund : funds) {
            if (fund.path("source").asText().equals(source)) {
                return fund;
            }
        }
        return null;
    }

    @Test
    void aClerkAppropriatesFundsAndReadsTheBalance() {
        Api.Response created = api.as("clerk").post("/api/funds/appropriations",
                appropriation(2031, "CENTRAL", 150_000_00L, "苍财农〔2031〕1号"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("fundId").asText()).isEqualTo("FUND-510824-2031-CENTRAL");
        assertThat(created.json().path("appropriationId").asText()).startsWith("APPR-");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode fund = fund(2031, "CENTRAL");
            assertThat(fund).isNotNull();
            assertThat(fund.path("appropriatedFen").asLong()).isEqualTo(150_000_00L);
            assertThat(fund.path("availableFen").asLong()).isEqualTo(150_000_00L);
            assertThat(fund.path("reservedFen").asLong()).isZero();
            assertThat(fund.path("disbursedFen").asLong()).isZero();
        });
    }

    @Test
    void theCountyFloorIsMetOnlyWhenTheCountysOwnBudgetReachesTwelveMillionYuan() {
        api.as("clerk").post("/api/funds/appropriations", appropriation(2032, "COUNTY", 1_199_999_999L, "苍财农〔2032〕1号"));
        api.as("clerk").post("/api/funds/appropriations", appropriation(2032, "CENTRAL", 5_000_000_000L, "苍财农〔2032〕2号"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode floor = api.as("auditor").get("/api/funds/county-floor?fiscalYear=2032").json();
            assertThat(floor.path("countyBudgetFen").asLong()).isEqualTo(1_199_999_999L);
            assertThat(floor.path("floorFen").asLong()).isEqualTo(1_200_000_000L);
            assertThat(floor.path("met").asBoolean()).isFalse();
        });

        api.as("clerk").post("/api/funds/appropriations", appropriation(2032, "COUNTY", 1L, "苍财农〔2032〕3号"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode floor = api.as("auditor").get("/api/funds/county-floor?fiscalYear=2032").json();
            assertThat(floor.path("countyBudgetFen").asLong()).isEqualTo(1_200_000_000L);
            assertThat(floor.path("met").asBoolean()).isTrue();
        });
    }

    @Nested
    class Refusals {

        @Test
        void aDocumentNumberIsAppropriatedToAFundOnlyOnce() {
            assertThat(api.as("clerk").post("/api/funds/appropriations",
                    appropriation(2033, "PROVINCIAL", 100L, "苍财农〔2033〕7号")).status()).isEqualTo(201);
            Api.Response again = api.as("clerk2").post("/api/funds/appropriations",
                    appropriation(2033, "PROVINCIAL", 100L, "苍财农〔2033〕7号"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("DUPLICATE_DOCUMENT_NO");
        }

        @Test
        void anApproverMayNotAppropriate() {
            Api.Response refused = api.as("approver").post("/api/funds/appropriations",
                    appropriation(2034, "COUNTY", 100L, "苍财农〔2034〕1号"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("FORBIDDEN");
        }

        @Test
        void nobodyUnauthenticatedReadsFunds() {
            Api.Response refused = api.anonymous().get("/api/funds");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("UNAUTHENTICATED");
        }
    }
}
