package cn.fupin.ledger.query.fund;

import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.fund.CountyFloorView;
import cn.fupin.ledger.shared.fund.FindCountyFloorQuery;
import cn.fupin.ledger.shared.fund.FindAppropriationsQuery;
import cn.fupin.ledger.shared.fund.FindFundsQuery;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fund projection on its own: events handed to it directly (years no other test uses), read back through the
 * query handlers. Events arrive at least once, so every event is also handed over twice.
 */
@LedgerTest
class FundProjectionTest {

    private static final Instant RECORDED = Instant.parse("2026-03-01T08:00:00Z");

    @Autowired
    FundProjection projection;

    @Autowired
    FundQueries queries;

    private static FundsAppropriatedEvent appropriated(int year, FundSource source, String id, long amountFen, long totalFen) {
        return new FundsAppropriatedEvent("FUND-510824-" + year + "-" + source.name(), id, year, source, amountFen,
                "苍财农〔" + year + "〕" + id + "号", null);
    }

    @Test
    void aRedeliveredAppropriationIsCountedOnce() {
        FundsAppropriatedEvent first = appropriated(2091, FundSource.CENTRAL, "A1", 500L, 500L);
        FundsAppropriatedEvent second = appropriated(2091, FundSource.CENTRAL, "A2", 300L, 800L);

        projection.on(first, 0, RECORDED);
        projection.on(second, 1, RECORDED);
        projection.on(first, 0, RECORDED);
        projection.on(second, 1, RECORDED);

        assertThat(queries.handle(new FindFundsQuery(2091)))
                .containsExactly(new FundView("FUND-510824-2091-CENTRAL", 2091, FundSource.CENTRAL, 800L, 0L, 0L, 800L));
        assertThat(queries.handle(new FindAppropriationsQuery(2091))).hasSize(2);
    }

    @Test
    void anOlderEventArrivingLateDoesNotWindTheBalanceBack() {
        projection.on(appropriated(2092, FundSource.DONATION, "B1", 100L, 100L), 0, RECORDED);
        projection.on(appropriated(2092, FundSource.DONATION, "B2", 50L, 150L), 1, RECORDED);
        projection.on(appropriated(2092, FundSource.DONATION, "B1", 100L, 100L), 0, RECORDED);

        assertThat(queries.handle(new FindFundsQuery(2092))).singleElement()
                .extracting(FundView::appropriatedFen).isEqualTo(150L);
    }

    @Test
    void theCountyFloorCountsOnlyTheCountysOwnSource() {
        projection.on(appropriated(2093, FundSource.CENTRAL, "C1", 2_000_000_000L, 2_000_000_000L), 0, RECORDED);
        projection.on(appropriated(2093, FundSource.COUNTY, "C2", 1_199_999_999L, 1_199_999_999L), 0, RECORDED);

        assertThat(queries.handle(new FindCountyFloorQuery(2093)))
                .isEqualTo(new CountyFloorView(2093, 1_199_999_999L, 1_200_000_000L, false));
        assertThat(queries.handle(new FindCountyFloorQuery(2094)))
                .isEqualTo(new CountyFloorView(2094, 0L, 1_200_000_000L, false));
    }
}
