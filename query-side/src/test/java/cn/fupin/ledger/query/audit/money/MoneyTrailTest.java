package cn.fupin.ledger.query.audit.money;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** OLDEST_MONEY_FIRST, step by step, on events made up for it (fund F of two appropriations, projects P and Q). */
class MoneyTrailTest {

    static final String F = "FUND-510824-2089-COUNTY";
    private final MoneyTrail trail = new MoneyTrail();
    private long index;

    private void on(Object payload) {
        index++;
        trail.accept(new LedgerEvent(index, "E" + index, payload.getClass().getSimpleName(), "1", null, "A", 0,
                Instant.parse("2089-01-01T00:00:00Z").plusSeconds(index), payload, Map.of("actor", "clerk")));
    }

    private List<String> shares(String step) {
        return trail.steps().stream().filter(s -> s.step().equals(step))
                .map(s -> s.appropriationId() + ":" + s.amountFen()).toList();
    }

    @Test
    void reservationsAndPaymentsTakeTheOldestMoneyAReleaseGivesBackTheNewestAReversalWhatItsPaymentTook() {
        on(new FundsAppropriatedEvent(F, "A1", 2089, FundSource.COUNTY, 100, "苍溯〔2089〕1号", null));
        on(new FundsAppropriatedEvent(F, "A2", 2089, FundSource.COUNTY, 100, "苍溯〔2089〕2号", null));
        on(new FundsReservedEvent(F, "P", 60, 60, 140));
        on(new FundsReservedEvent(F, "Q", 80, 140, 60));
        assertThat(shares(MoneyTrail.RESERVED)).containsExactly("A1:60", "A1:40", "A2:40");

        on(new DisbursementApprovedEvent("D1", "Q", PayeeKind.VILLAGE, "510824113207", null, 50,
                List.of(new BudgetLine(F, 50)), null, "approver"));
        assertThat(shares(MoneyTrail.PAID)).containsExactly("A1:40", "A2:10");
        on(new FundReservationReleasedEvent(F, "Q", 30, "CANCELLED", 110, 90));
        assertThat(shares(MoneyTrail.RELEASED)).containsExactly("A2:30");
        on(new DisbursementReversedEvent("D1", "Q", PayeeKind.VILLAGE, "510824113207", null, 50,
                List.of(new BudgetLine(F, 50)), "错付", "approver"));
        assertThat(shares(MoneyTrail.REVERSED)).containsExactly("A1:40", "A2:10");

        // The released 30 of A2 is unreserved again: the next reservation takes it after A1 (wholly drawn on).
        on(new FundsReservedEvent(F, "R", 100, 210, -10));
        assertThat(shares(MoneyTrail.RESERVED)).endsWith("A2:90", "null:10");
        assertThat(trail.appropriationId("苍溯〔2089〕2号")).isEqualTo("A2");
        assertThat(TraceTotals.of(trail.steps()).unreservedFen()).isEqualTo(200L - 240 + 30);
    }
}
