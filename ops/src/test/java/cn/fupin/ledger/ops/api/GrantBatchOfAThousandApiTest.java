package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch bound over HTTP: 1,000 households in one batch are recorded and approved whole, 1,001 are refused.
 * Prints how long the two requests took (a figure for docs/measurements.md, not a timed assertion). Fiscal year 2054;
 * households T-6000…T-6999 in 东林村 (510824104202).
 */
@LedgerTest
class GrantBatchOfAThousandApiTest extends LedgerApiTest {

    static final int YEAR = 2054;
    static final String VILLAGE = "510824104202";

    @Test
    void aBatchOfOneThousandHouseholdsIsRecordedAndApprovedWholeAndOneMoreIsRefused() {
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(YEAR, "INTEGRATED_AGRICULTURE", 5_000_000, "苍财农〔2054〕1号");
        ledger.importHouseholds(IntStream.range(6000, 7000).mapToObj(n -> household(n).withVillageCode(VILLAGE))
                .toArray(Households.Row[]::new));
        String projectId = ledger.propose("clerk", project("到户增收", "INDUSTRY", VILLAGE, "HOUSEHOLDS", YEAR,
                "[" + line(fund, 3_100_000) + "]"));
        ledger.approve("approver", projectId);
        List<String> items = new ArrayList<>();
        for (int n = 6000; n < 7000; n++) {
            items.add("{\"cardNo\": \"%s\", \"amountFen\": 300000}".formatted(Households.cardNo(n)));
        }

        List<String> tooMany = new ArrayList<>(items);
        tooMany.add(items.get(0));
        Api.Response refused = api.as("clerk").post("/api/grants/batches", body(projectId, "苍扶贫批〔2054〕0号", tooMany));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.body()).contains("BATCH_TOO_LARGE");

        long submitStart = System.nanoTime();
        Api.Response submitted = api.as("clerk").post("/api/grants/batches", body(projectId, "苍扶贫批〔2054〕1号", items));
        long submitMillis = (System.nanoTime() - submitStart) / 1_000_000;
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        assertThat(submitted.json().path("disbursementIds")).hasSize(1_000);
        // The village's grant list of a thousand rows is published in the background; paid after its period.
        String grantList = Ledger.grantListNotice(submitted.json().path("batchId").asText(), VILLAGE);
        JsonNode notice = ledger.awaitNotice(grantList);
        long listedMillis = (System.nanoTime() - submitStart) / 1_000_000 - submitMillis;
        assertThat(notice.path("content").path("rows")).hasSize(1_000);
        ledger.afterPublicity(grantList);

        long approveStart = System.nanoTime();
        Api.Response approved = api.as("approver").post("/api/grants/batches/"
                + submitted.json().path("batchId").asText() + "/approve", "{}");
        long approveMillis = (System.nanoTime() - approveStart) / 1_000_000;
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("approved").asInt()).isEqualTo(1_000);
        assertThat(events.of(fund, "FundsDisbursedEvent")).hasSize(1_000);

        System.out.printf("MEASURED grant batch of 1,000 households: submit %d ms, its grant list published %d ms"
                + " after the answer, approve %d ms%n", submitMillis, listedMillis, approveMillis);
        ledger.assertJournalHolds();
    }

    static String body(String projectId, String voucherNo, List<String> items) {
        return "{\"projectId\": \"%s\", \"voucherNo\": \"%s\", \"items\": [%s]}"
                .formatted(projectId, voucherNo, String.join(",", items));
    }
}
