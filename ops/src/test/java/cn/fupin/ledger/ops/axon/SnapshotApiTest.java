package cn.fupin.ledger.ops.axon;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fund loaded from a snapshot decides as the fund loaded from its events would (the suite snapshots after 20 events,
 * {@link LedgerTest}): its totals, the document numbers it has seen (a repeat is refused) and its sequence carry on.
 * Fiscal year 2042 is this class's own.
 */
@LedgerTest
class SnapshotApiTest extends LedgerApiTest {

    private static final String FUND = "FUND-510824-2042-MUNICIPAL";

    private static String appropriation(long amountFen, String documentNo) {
        return """
                {"fiscalYear": 2042, "source": "MUNICIPAL", "amountFen": %d, "documentNo": "%s", "note": "snapshots"}
                """.formatted(amountFen, documentNo);
    }

    @Test
    void aFundLoadedFromItsSnapshotDecidesAsItsEventsWould() throws Exception {
        for (int n = 1; n <= 30; n++) {
            Api.Response created = api.as("clerk").post("/api/funds/appropriations", appropriation(n, "快照〔2042〕" + n + "号"));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
        }

        // (taken on the snapshotter's thread after the command answered)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, FUND))
                .as("a snapshot after 20 events loaded").isEqualTo(1L));
        List<Map<String, Object>> snapshots = jdbc.queryForList("SELECT sequence_number, payload, payload_revision"
                + " FROM snapshot_event_entry WHERE aggregate_identifier = ?", FUND);
        assertThat(snapshots.get(0).get("payload_revision")).isEqualTo("1");
        JsonNode state = new ObjectMapper().readTree(new String((byte[]) snapshots.get(0).get("payload"),
                StandardCharsets.UTF_8));
        long snapshotAt = ((Number) snapshots.get(0).get("sequence_number")).longValue();
        assertThat(state.path("fundId").asText()).isEqualTo(FUND);
        assertThat(state.path("documentNos")).hasSize((int) snapshotAt + 1);
        assertThat(state.path("appropriatedFen").asLong()).isEqualTo((snapshotAt + 1) * (snapshotAt + 2) / 2);

        Api.Response repeated = api.as("clerk2").post("/api/funds/appropriations", appropriation(5, "快照〔2042〕1号"));
        assertThat(repeated.status()).as("a document number from before the snapshot is known after it: %s", repeated)
                .isEqualTo(409);
        assertThat(repeated.code()).isEqualTo("DUPLICATE_DOCUMENT_NO");

        Api.Response more = api.as("clerk").post("/api/funds/appropriations", appropriation(1000, "快照〔2042〕31号"));
        assertThat(more.status()).as("%s", more).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, FUND)).isEqualTo(30L);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode fund = null;
            for (JsonNode each : api.as("clerk").get("/api/funds?fiscalYear=2042").json()) {
                if (each.path("fundId").asText().equals(FUND)) {
                    fund = each;
                }
            }
            assertThat(fund).isNotNull();
            assertThat(fund.path("appropriatedFen").asLong()).isEqualTo(30 * 31 / 2 + 1000);
        });
    }
}
