package cn.fupin.ledger.query.audit.reconciliation;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.fund.FundDisbursementReversedEvent;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectCancelledEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent;
import cn.fupin.ledger.shared.project.ProjectStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregates' money as the reconciliation computes it from their events: a fund appropriated, reserved from, paid
 * out of, a payment reversed and the rest released; the project that reserved, paid, had a payment reversed and was
 * cancelled. Totals an event records are not read (they are deliberately wrong here).
 */
class AggregateBalancesTest {

    static final String FUND = "FUND-510824-2093-COUNTY";
    static final String PROJECT = "PRJ-2093-0001";
    static final long WRONG = -1;

    private final AggregateBalances balances = new AggregateBalances();
    private long index;

    private void feed(Object payload) {
        index++;
        balances.accept(new LedgerEvent(index, "E-" + index, payload.getClass().getSimpleName(), "1", "Fund", FUND,
                index, Instant.parse("2093-03-01T00:00:00Z").plusSeconds(index), payload, Map.of()));
    }

    private static List<BudgetLine> lines(long fen) {
        return List.of(new BudgetLine(FUND, fen));
    }

    @Test
    void theFundAndTheProjectHoldWhatTheirEventsAmountTo() {
        feed(new FundsAppropriatedEvent(FUND, "APPR-1", 2093, FundSource.COUNTY, 1_000_000L, "苍财农〔2093〕1号", null));
        feed(new FundsReservedEvent(FUND, PROJECT, 600_000L, WRONG, WRONG));
        feed(new ProjectApprovedEvent(PROJECT, "苍扶贫〔2093〕1号", lines(600_000L), "approver"));
        feed(new FundsDisbursedEvent(FUND, PROJECT, "DSB-1", 200_000L, WRONG, WRONG, WRONG));
        feed(new ProjectPaymentSettledEvent(PROJECT, "DSB-1", "APPROVED", 200_000L, lines(200_000L)));
        feed(new FundsDisbursedEvent(FUND, PROJECT, "DSB-2", 50_000L, WRONG, WRONG, WRONG));
        feed(new ProjectPaymentSettledEvent(PROJECT, "DSB-2", "APPROVED", 50_000L, lines(50_000L)));
        feed(new FundDisbursementReversedEvent(FUND, PROJECT, "DSB-2", 50_000L, WRONG, WRONG, WRONG));
        feed(new ProjectPaymentSettledEvent(PROJECT, "DSB-2", "REVERSED", 50_000L, lines(50_000L)));
        feed(new ProjectPaymentSettledEvent(PROJECT, "DSB-3", "REJECTED", 70_000L, lines(70_000L)));

        Measures funds = balances.funds();
        assertThat(funds.get(FUND, Measures.APPROPRIATED)).isEqualTo(1_000_000L);
        assertThat(funds.get(FUND, Measures.RESERVED)).isEqualTo(400_000L);
        assertThat(funds.get(FUND, Measures.PAID)).isEqualTo(200_000L);
        assertThat(funds.get(FUND, Measures.AVAILABLE)).isEqualTo(400_000L);
        Measures projects = balances.projects();
        assertThat(projects.get(PROJECT, Measures.RESERVED)).isEqualTo(400_000L);
        assertThat(projects.get(PROJECT, Measures.PAID)).isEqualTo(200_000L);

        feed(new FundReservationReleasedEvent(FUND, PROJECT, 400_000L, "CANCELLED", WRONG, WRONG));
        feed(new ProjectCancelledEvent(PROJECT, ProjectStatus.IMPLEMENTING, "选址调整", lines(400_000L), "approver"));

        assertThat(funds.get(FUND, Measures.RESERVED)).isZero();
        assertThat(funds.get(FUND, Measures.AVAILABLE)).isEqualTo(800_000L);
        assertThat(projects.get(PROJECT, Measures.RESERVED)).isZero();
        assertThat(projects.get(PROJECT, Measures.PAID)).isEqualTo(200_000L);
    }
}
