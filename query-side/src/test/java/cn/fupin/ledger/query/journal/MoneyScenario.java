package cn.fupin.ledger.query.journal;

import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.time.Instant;
import java.util.List;

import static cn.fupin.ledger.query.disbursement.Payments.CENTRAL;
import static cn.fupin.ledger.query.disbursement.Payments.COUNTY;
import static cn.fupin.ledger.query.disbursement.Payments.JINSUI;
import static cn.fupin.ledger.query.disbursement.Payments.approved;
import static cn.fupin.ledger.query.disbursement.Payments.reversed;
import static cn.fupin.ledger.query.disbursement.Payments.toHousehold;
import static cn.fupin.ledger.query.disbursement.Payments.toVillage;

/**
 * A year of money in 2074, one event a day from 1 March: two appropriations, two projects reserving, a village
 * payment from two funds, two household grants, the village payment reversed, the grant project accepted (its unpaid
 * reservation released). Events that move no money (a request, a fund's own payment record) are among them, as in
 * the store.
 */
final class MoneyScenario {

    static final Instant DAY0 = Instant.parse("2074-03-01T08:00:00Z");

    static final DisbursementRequestedEvent ROAD = toVillage("DSB-PAY-1", JINSUI, 30_000L, 20_000L);
    static final DisbursementRequestedEvent GRANT_A = toHousehold("DSB-PAY-2", "PAY-A", JINSUI, 100_000L, "GB-PAY-1");
    static final DisbursementRequestedEvent GRANT_B = toHousehold("DSB-PAY-3", "PAY-B", JINSUI, 100_000L, "GB-PAY-1");

    /** One event as recorded: its identifier, its timestamp and its payload. */
    record Recorded(String eventId, Instant at, Object payload) {
    }

    private MoneyScenario() {
    }

    static Instant day(int day) {
        return DAY0.plusSeconds(86_400L * day);
    }

    static List<Recorded> events() {
        return List.of(
                new Recorded("E-01", day(0), new FundsAppropriatedEvent(CENTRAL, "APPR-PAY-1", 2074,
                        FundSource.CENTRAL, 1_000_000L, "财农〔2074〕1号", null)),
                new Recorded("E-02", day(1), new FundsAppropriatedEvent(COUNTY, "APPR-PAY-2", 2074, FundSource.COUNTY,
                        500_000L, "苍财农〔2074〕2号", null)),
                new Recorded("E-03", day(2), new FundsReservedEvent(CENTRAL, "PRJ-PAY-V", 600_000L, 600_000L,
                        400_000L)),
                new Recorded("E-04", day(2), new FundsReservedEvent(COUNTY, "PRJ-PAY-V", 400_000L, 400_000L,
                        100_000L)),
                new Recorded("E-05", day(3), new FundsReservedEvent(CENTRAL, "PRJ-PAY-H", 300_000L, 900_000L,
                        100_000L)),
                new Recorded("E-06", day(4), ROAD),
                new Recorded("E-07", day(5), approved(ROAD, "approver")),
                new Recorded("E-08", day(5), new FundsDisbursedEvent(CENTRAL, "PRJ-PAY-V", "DSB-PAY-1", 30_000L,
                        870_000L, 30_000L, 100_000L)),
                new Recorded("E-09", day(6), GRANT_A),
                new Recorded("E-10", day(6), GRANT_B),
                new Recorded("E-11", day(7), approved(GRANT_A, "approver")),
                new Recorded("E-12", day(7), approved(GRANT_B, "approver")),
                new Recorded("E-13", day(8), reversed(ROAD, "重复拨付")),
                new Recorded("E-14", day(9), new FundReservationReleasedEvent(CENTRAL, "PRJ-PAY-H", 100_000L,
                        "ACCEPTED", 770_000L, 200_000L)));
    }

    /** A payment that was never reserved: the journal shows the project's reservation below zero. */
    static Recorded unreservedPayment(Instant at) {
        DisbursementApprovedEvent paid = new DisbursementApprovedEvent("DSB-PAY-9", "PRJ-PAY-X",
                cn.fupin.ledger.shared.disbursement.PayeeKind.VILLAGE, JINSUI, null, 5_000L,
                List.of(new BudgetLine(CENTRAL, 5_000L)), null, "approver");
        return new Recorded("E-99", at, paid);
    }
}
