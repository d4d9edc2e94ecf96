package cn.fupin.ledger.query.audit.reconciliation;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.fund.FundDisbursementReversedEvent;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectAcceptedEvent;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectCancelledEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent;
import java.util.List;

/**
 * What each Fund and Project aggregate holds, computed from the aggregate's own events by its own rules: the one place
 * outside the aggregates where their money is derived from events (the aggregates live in command-side, which the
 * read side may not depend on; their rules are a few additions, stated here next to the aggregate they mirror).
 * <ul>
 *   <li>a fund ({@code Fund}): appropriated is the sum of its appropriations; a reservation adds to reserved, a
 *       release takes from it; a payment moves its amount from reserved to paid, a reversal back; available is
 *       appropriated - reserved - paid. Totals an event records are not read, as the aggregate does not read them;</li>
 *   <li>a project ({@code ProjectBudget}): its approval reserves its lines, its acceptance or cancellation releases
 *       what it names; an approved payment adds its lines to paid, a reversed one takes them back; reserved is what
 *       its funds hold for it and have not paid (reserved lines - paid).</li>
 * </ul>
 */
final class AggregateBalances {

    private final Measures funds = new Measures();
    private final Measures projects = new Measures();

    void accept(LedgerEvent event) {
        Object payload = event.payload();
        if (payload instanceof FundsAppropriatedEvent e) {
            funds.add(e.fundId(), Measures.APPROPRIATED, e.amountFen());
            funds.add(e.fundId(), Measures.AVAILABLE, e.amountFen());
        } else if (payload instanceof FundsReservedEvent e) {
            fund(e.fundId(), e.amountFen(), 0);
        } else if (payload instanceof FundReservationReleasedEvent e) {
            fund(e.fundId(), -e.amountFen(), 0);
        } else if (payload instanceof FundsDisbursedEvent e) {
            fund(e.fundId(), -e.amountFen(), e.amountFen());
        } else if (payload instanceof FundDisbursementReversedEvent e) {
            fund(e.fundId(), e.amountFen(), -e.amountFen());
        } else if (payload instanceof ProjectApprovedEvent e) {
            project(e.projectId(), e.reserved(), 1, 0);
        } else if (payload instanceof ProjectAcceptedEvent e) {
            project(e.projectId(), e.released(), -1, 0);
        } else if (payload instanceof ProjectCancelledEvent e) {
            project(e.projectId(), e.released(), -1, 0);
        } else if (payload instanceof ProjectPaymentSettledEvent e) {
            switch (e.outcome()) {
                case "APPROVED" -> project(e.projectId(), e.fromFunds(), -1, 1);
                case "REVERSED" -> project(e.projectId(), e.fromFunds(), 1, -1);
                default -> projects.subject(e.projectId());
            }
        }
    }

    /** Changes a fund's reserved and paid; available follows (appropriated - reserved - paid). */
    private void fund(String fundId, long reservedFen, long paidFen) {
        funds.add(fundId, Measures.RESERVED, reservedFen);
        funds.add(fundId, Measures.PAID, paidFen);
        funds.add(fundId, Measures.AVAILABLE, Math.negateExact(Math.addExact(reservedFen, paidFen)));
    }

    /** Adds the lines' sum, times each sign, to the project's reserved (unpaid) and paid. */
    private void project(String projectId, List<BudgetLine> lines, int reservedSign, int paidSign) {
        long fen = lines.stream().mapToLong(BudgetLine::amountFen).reduce(0L, Math::addExact);
        projects.add(projectId, Measures.RESERVED, Math.multiplyExact(fen, (long) reservedSign));
        projects.add(projectId, Measures.PAID, Math.multiplyExact(fen, (long) paidSign));
    }

    Measures funds() {
        return funds;
    }

    Measures projects() {
        return projects;
    }
}
