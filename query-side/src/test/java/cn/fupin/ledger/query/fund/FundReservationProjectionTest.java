package cn.fupin.ledger.query.fund;

import cn.fupin.ledger.shared.fund.FindFundsQuery;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reservations and their releases on the fund read model: the events state the fund's reserved total after the
 * change, so the projection copies it; a redelivered or late event changes nothing.
 */
@DataJpaTest(showSql = false)
class FundReservationProjectionTest {

    private static final Instant RECORDED = Instant.parse("2071-03-01T08:00:00Z");
    private static final String FUND = "FUND-510824-2071-CENTRAL";

    @Autowired
    FundRepository funds;

    @Autowired
    AppropriationRepository appropriations;

    FundProjection projection;
    FundQueries queries;

    @BeforeEach
    void wire() {
        projection = new FundProjection(funds, appropriations);
        queries = new FundQueries(funds, appropriations);
        projection.on(new FundsAppropriatedEvent(FUND, "A1", 2071, FundSource.CENTRAL, 1_000L, "苍财农〔2071〕1号",
                null), 0, RECORDED);
    }

    private FundView fund() {
        return queries.handle(new FindFundsQuery(2071)).get(0);
    }

    @Test
    void aReservationShowsAsReservedAndNoLongerAvailable() {
        projection.on(new FundsReservedEvent(FUND, "PRJ-1", 300L, 300L, 700L), 1);

        assertThat(fund()).isEqualTo(new FundView(FUND, 2071, FundSource.CENTRAL, 1_000L, 300L, 0L, 700L));
    }

    @Test
    void aReleaseGivesTheMoneyBack() {
        projection.on(new FundsReservedEvent(FUND, "PRJ-1", 300L, 300L, 700L), 1);
        projection.on(new FundsReservedEvent(FUND, "PRJ-2", 200L, 500L, 500L), 2);
        projection.on(new FundReservationReleasedEvent(FUND, "PRJ-1", 300L, "CANCELLED", 200L, 800L), 3);

        assertThat(fund().reservedFen()).isEqualTo(200L);
        assertThat(fund().availableFen()).isEqualTo(800L);
    }

    @Test
    void aRedeliveredReservationIsNotReservedTwice() {
        FundsReservedEvent reserved = new FundsReservedEvent(FUND, "PRJ-1", 300L, 300L, 700L);
        projection.on(reserved, 1);
        projection.on(reserved, 1);

        assertThat(fund().reservedFen()).isEqualTo(300L);
    }

    @Test
    void aReservationArrivingAgainAfterItsReleaseDoesNotReserveAgain() {
        projection.on(new FundsReservedEvent(FUND, "PRJ-1", 300L, 300L, 700L), 1);
        projection.on(new FundReservationReleasedEvent(FUND, "PRJ-1", 300L, "ACCEPTED", 0L, 1_000L), 2);
        projection.on(new FundsReservedEvent(FUND, "PRJ-1", 300L, 300L, 700L), 1);

        assertThat(fund().reservedFen()).isZero();
        assertThat(fund().availableFen()).isEqualTo(1_000L);
    }

    @Test
    void aReservationOfAFundNeverAppropriatedIsABugNotARow() {
        assertThatThrownBy(() -> projection.on(new FundsReservedEvent("FUND-510824-2072-COUNTY", "PRJ-1", 1L, 1L, 0L), 1))
                .isInstanceOf(IllegalStateException.class);
        assertThat(funds.findById("FUND-510824-2072-COUNTY")).isEmpty();
    }
}
