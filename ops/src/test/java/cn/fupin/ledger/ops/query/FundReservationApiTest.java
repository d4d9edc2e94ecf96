package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/funds} shows what approved projects reserve and what their cancellation or acceptance releases. */
@LedgerTest
class FundReservationApiTest extends LedgerApiTest {

    private static final String FUND = "FUND-510824-2071-WORK_RELIEF";

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    EventAppender appender;

    @BeforeEach
    void appender() {
        appender = new EventAppender(eventStore, transactions, eventProcessing, readModelProgress);
    }

    private JsonNode fund() {
        JsonNode funds = api.as("auditor").get("/api/funds?fiscalYear=2071").json();
        for (JsonNode fund : funds) {
            if (fund.path("fundId").asText().equals(FUND)) {
                return fund;
            }
        }
        return null;
    }

    @Test
    void reservationsAndReleasesShowAsReservedAndAvailable() {
        appender.append("Fund", FUND,
                new FundsAppropriatedEvent(FUND, "APPR-QRY-1", 2071, FundSource.WORK_RELIEF, 1_000_000L,
                        "苍财农〔2071〕1号", null),
                new FundsReservedEvent(FUND, "PRJ-QRY-F1", 300_000L, 300_000L, 700_000L),
                new FundsReservedEvent(FUND, "PRJ-QRY-F2", 200_000L, 500_000L, 500_000L));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode fund = fund();
            assertThat(fund).isNotNull();
            assertThat(fund.path("reservedFen").asLong()).isEqualTo(500_000L);
            assertThat(fund.path("availableFen").asLong()).isEqualTo(500_000L);
            assertThat(fund.path("appropriatedFen").asLong()).isEqualTo(1_000_000L);
        });

        appender.append("Fund", FUND,
                new FundReservationReleasedEvent(FUND, "PRJ-QRY-F1", 300_000L, "CANCELLED", 200_000L, 800_000L));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode fund = fund();
            assertThat(fund.path("reservedFen").asLong()).isEqualTo(200_000L);
            assertThat(fund.path("availableFen").asLong()).isEqualTo(800_000L);
        });
    }
}
