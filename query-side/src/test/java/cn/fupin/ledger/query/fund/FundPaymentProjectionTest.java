package cn.fupin.ledger.query.fund;

import cn.fupin.ledger.shared.fund.FindFundsQuery;
import cn.fupin.ledger.shared.fund.FundDisbursementReversedEvent;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Payments and their reversals on the fund read model: the events state the fund's reserved and paid totals after
 * the change, which the projection copies, so the fund shows what it paid and what it can still promise.
 */
@DataJpaTest(showSql = false)
class FundPaymentProjectionTest {

    private static final Instant RECORDED = Instant.parse("2074-03-01T08:00:00Z");
    private static final String FUND = "FUND-510824-2074-CENTRAL";

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
    }

    private void replay() {
        projection.on(new FundsAppropriatedEvent(FUND, "A1", 2074, FundSource.CENTRAL, 1_000L, "苍财农〔2074〕1号",
                null), 0, RECORDED);
        projection.on(new FundsReservedEvent(FUND, "PRJ-1", 600L, 600L, 400L), 1);
        projection.on(new FundsDisbursedEvent(FUND, "PRJ-1", "DSB-1", 250L, 350L, 250L, 400L), 2);
        projection.on(new FundsDisbursedEvent(FUND, "PRJ-1", "DSB-2", 100L, 250L, 350L, 400L), 3);
        projection.on(new FundDisbursementReversedEvent(FUND, "PRJ-1", "DSB-1", 250L, 500L, 100L, 400L), 4);
    }

    private FundView fund() {
        return queries.handle(new FindFundsQuery(2074)).get(0);
    }

    @Test
    void aPaymentMovesMoneyFromReservedToDisbursed() {
        projection.on(new FundsAppropriatedEvent(FUND, "A1", 2074, FundSource.CENTRAL, 1_000L, "苍财农〔2074〕1号",
                null), 0, RECORDED);
        projection.on(new FundsReservedEvent(FUND, "PRJ-1", 600L, 600L, 400L), 1);
        projection.on(new FundsDisbursedEvent(FUND, "PRJ-1", "DSB-1", 250L, 350L, 250L, 400L), 2);

        assertThat(fund()).isEqualTo(new FundView(FUND, 2074, FundSource.CENTRAL, 1_000L, 350L, 250L, 400L));
    }

    @Test
    void aReversedPaymentIsReservedForTheProjectAgain() {
        replay();

        assertThat(fund()).isEqualTo(new FundView(FUND, 2074, FundSource.CENTRAL, 1_000L, 500L, 100L, 400L));
    }

    @Test
    void theWholeStreamDeliveredTwiceLeavesTheSameFund() {
        replay();
        FundView once = fund();
        replay();

        assertThat(fund()).isEqualTo(once);
    }

    @Test
    void aPaymentArrivingAgainAfterItsReversalIsNotPaidAgain() {
        replay();
        projection.on(new FundsDisbursedEvent(FUND, "PRJ-1", "DSB-1", 250L, 350L, 250L, 400L), 2);

        assertThat(fund().disbursedFen()).isEqualTo(100L);
    }

    @Test
    void aPaymentOfAFundNeverAppropriatedIsABugNotARow() {
        assertThatThrownBy(() -> projection.on(new FundsDisbursedEvent("FUND-510824-2075-COUNTY", "PRJ-1", "DSB-1", 1L, 0L,
                1L, 0L), 1)).isInstanceOf(IllegalStateException.class);
        assertThat(funds.findById("FUND-510824-2075-COUNTY")).isEmpty();
    }

    @Test
    void aResetForgetsPayments() {
        replay();
        projection.reset();

        assertThat(funds.count()).isZero();
        assertThat(queries.handle(new FindFundsQuery(2074))).isEmpty();
    }
}
