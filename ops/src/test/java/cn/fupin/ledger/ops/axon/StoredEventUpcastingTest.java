package cn.fupin.ledger.ops.axon;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running ledger reads a stored event of an older revision through its upcasters, in the event store (so the
 * aggregates) and in every processor: a revision-1 appropriation, whose recorded running total (a billion yuan)
 * disagrees with its amount, counts for its amount in the fund's decisions and in the read models. The upcasters are
 * registered once, as one chain (fiscal year 2086, 柏垭村 510824122203 of 高坡镇).
 */
@LedgerTest
class StoredEventUpcastingTest extends LedgerApiTest {

    static final int YEAR = 2086;
    static final String FUND = FundId.of("510824", YEAR, FundSource.COUNTY).value();
    static final String VILLAGE = "510824122203";

    @Autowired
    ApplicationContext context;

    @Autowired
    Configuration axon;

    @Test
    void theLedgerRegistersItsUpcastersOnceAsOneChainThatTheEventStoreUses() {
        Map<String, EventUpcaster> upcasters = context.getBeansOfType(EventUpcaster.class);

        assertThat(upcasters).containsOnlyKeys("ledgerUpcasters");
        assertThat(axon.upcasterChain()).isNotNull();
    }

    @Test
    void aRevisionOneAppropriationCountsForItsAmountNotItsRecordedRunningTotal() {
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, "
                        + "payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "revision-1-appropriation-2086",
                "{\"actor\":\"clerk\",\"role\":\"CLERK\"}".getBytes(StandardCharsets.UTF_8), """
                        {"amountFen":500000,"appropriatedTotalFen":100000000000,"appropriationId":"APPR-2086-OLD",\
                        "documentNo":"修订一测〔2086〕1号","fiscalYear":2086,"fundId":"%s","note":null,\
                        "source":"COUNTY"}""".formatted(FUND).getBytes(StandardCharsets.UTF_8), "1",
                "cn.fupin.ledger.shared.fund.FundsAppropriatedEvent", "2026-03-01T08:00:00Z", FUND, 0L, "Fund");
        Ledger ledger = new Ledger(api);

        // The fund loads it (and derives 5,000 yuan from it), takes another 1,000 yuan and holds 6,000.
        ledger.appropriate(YEAR, "COUNTY", 1_000, "修订一测〔2086〕2号");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> funds = jdbc.queryForList(
                    "SELECT appropriated_fen FROM fund_view WHERE fund_id = ?", FUND);
            assertThat(funds).hasSize(1);
            assertThat(((Number) funds.get(0).get("appropriated_fen")).longValue()).isEqualTo(6_000_00L);
            assertThat(jdbc.queryForObject("SELECT SUM(amount_fen) FROM journal_posting WHERE account = ?",
                    Long.class, "FUND:" + FUND)).isEqualTo(6_000_00L);
        });

        // And it promises no more than that.
        ledger.designatePoor(VILLAGE, YEAR);
        String tooLarge = ledger.propose("clerk", project("柏垭村村道", "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(FUND, 6_001) + "]"));
        Api.Response refused = api.as("approver").post("/api/projects/" + tooLarge + "/approve",
                "{\"approvalDocNo\": \"修订一测〔2086〕3号\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("FUND_OVERDRAWN");
        String fits = ledger.propose("clerk", project("柏垭村水池", "WATER", VILLAGE, "VILLAGE", YEAR,
                "[" + line(FUND, 6_000) + "]"));
        ledger.approve("approver", fits);
    }
}
