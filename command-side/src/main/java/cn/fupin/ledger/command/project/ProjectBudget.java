package cn.fupin.ledger.command.project;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The money side of a {@link Project}, per fund: what its funds reserved for it, what was paid out of that, and what
 * payments are requested and not decided yet, with the lines of each payment by disbursement id. Changed only by the
 * project's event sourcing handlers ({@link #reserve}, {@link #release}, {@link #requested}, {@link #settled}); the
 * project asks it how a payment is split and whether lines fit. Every sum is exact (fen, {@link Math#addExact}).
 */
final class ProjectBudget {

    /**
     * Fen per fund reserved for the project at its approval, less what was released when it closed, by fund id in
     * order. Paid money stays counted here: what a fund still holds for the project is this less what was paid.
     */
    private final Map<String, Long> reservedFenByFund = new TreeMap<>();
    /** Fen per fund paid out of the reservation and not reversed. */
    private final Map<String, Long> paidFenByFund = new TreeMap<>();
    /** Fen per fund of the payments requested and not yet approved or rejected. */
    private final Map<String, Long> pendingFenByFund = new TreeMap<>();
    /** The lines of each pending payment, by disbursement id. */
    private final Map<String, List<BudgetLine>> pendingPayments = new HashMap<>();
    /** The lines of each paid and unreversed payment, by disbursement id. */
    private final Map<String, List<BudgetLine>> paidPayments = new HashMap<>();

    /** How many payments are requested and neither approved nor rejected. */
    int pendingCount() {
        return pendingPayments.size();
    }

    /**
     * A new payment: named, unknown to the project, its lines positive and adding up to its positive amount, each
     * within what is left of its fund's line. Anything else is a programming error (callers {@link #split} first).
     */
    void requireRequestable(String disbursementId, long amountFen, List<BudgetLine> fromFunds) {
        if (disbursementId == null || pendingPayments.containsKey(disbursementId)
                || paidPayments.containsKey(disbursementId)) {
            throw new IllegalArgumentException("payment " + disbursementId
                    + " is unnamed or known to the project already");
        }
        requireLinesOf(amountFen, fromFunds);
        Map<String, Long> left = leftByFund();
        for (BudgetLine line : fromFunds) {
            if (line.amountFen() > left.getOrDefault(line.fundId(), 0L)) {
                throw new IllegalStateException("less than " + line.amountFen() + " fen is left from "
                        + line.fundId() + "; split the payment first");
            }
        }
    }

    /**
     * A payment settled as {@code outcome} with its own amount and lines, held in the state that outcome ends (pending
     * for APPROVED and REJECTED, paid for REVERSED). Anything else is a programming error.
     */
    void requireSettleable(String disbursementId, DisbursementStatus outcome, long amountFen,
                           List<BudgetLine> fromFunds) {
        requireLinesOf(amountFen, fromFunds);
        List<BudgetLine> recorded = switch (outcome) {
            case APPROVED, REJECTED -> pendingPayments.get(disbursementId);
            case REVERSED -> paidPayments.get(disbursementId);
            case REQUESTED -> null;
        };
        if (recorded == null || !recorded.equals(fromFunds)) {
            throw new IllegalStateException("no payment " + disbursementId + " of these lines to settle as " + outcome);
        }
    }

    /** What is left to request from the budget, in fen: reserved − paid − pending over all funds. */
    long leftToPayFen() {
        return leftByFund().values().stream().mapToLong(Long::longValue).sum();
    }

    /** What the funds hold for the project and was not paid, per fund in fund id order; lines of 0 left out. */
    List<BudgetLine> unpaidReservations() {
        List<BudgetLine> unpaid = new ArrayList<>();
        reservedFenByFund.forEach((fundId, reservedFen) -> {
            long unpaidFen = reservedFen - paidFenByFund.getOrDefault(fundId, 0L);
            if (unpaidFen > 0) {
                unpaid.add(new BudgetLine(fundId, unpaidFen));
            }
        });
        return List.copyOf(unpaid);
    }

    /**
     * How a payment of {@code amountFen} is taken: the lines in fund id order, each giving at most what is left of it
     * (reserved − paid − pending), until the amount is covered; lines giving nothing are left out. Refuses
     * PROJECT_BUDGET_EXCEEDED when less than the amount is left in all.
     */
    List<BudgetLine> split(long amountFen) {
        if (amountFen <= 0) {
            throw new IllegalArgumentException("a payment is a positive number of fen: " + amountFen);
        }
        Map<String, Long> left = leftByFund();
        long leftFen = left.values().stream().mapToLong(Long::longValue).sum();
        if (amountFen > leftFen) {
            throw Refusal.conflict("PROJECT_BUDGET_EXCEEDED", "the project has " + leftFen
                    + " fen left to pay from its budget, less than the " + amountFen + " fen asked for");
        }
        List<BudgetLine> lines = new ArrayList<>();
        long remainingFen = amountFen;
        for (Map.Entry<String, Long> line : left.entrySet()) {
            if (remainingFen == 0) {
                break;
            }
            long takenFen = Math.min(remainingFen, line.getValue());
            if (takenFen > 0) {
                lines.add(new BudgetLine(line.getKey(), takenFen));
                remainingFen -= takenFen;
            }
        }
        return List.copyOf(lines);
    }

    private static void requireLinesOf(long amountFen, List<BudgetLine> fromFunds) {
        if (amountFen <= 0 || fromFunds == null || fromFunds.isEmpty()
                || fromFunds.stream().anyMatch(line -> line.amountFen() <= 0)
                || fromFunds.stream().mapToLong(BudgetLine::amountFen).reduce(0L, Math::addExact) != amountFen) {
            throw new IllegalArgumentException(
                    "a payment is a positive amount split into positive lines that add up to it");
        }
    }

    void reserve(List<BudgetLine> reserved) {
        reserved.forEach(line -> reservedFenByFund.merge(line.fundId(), line.amountFen(), Math::addExact));
    }

    void release(List<BudgetLine> released) {
        released.forEach(line -> reservedFenByFund.merge(line.fundId(), -line.amountFen(), Math::addExact));
    }

    void requested(String disbursementId, List<BudgetLine> fromFunds) {
        fromFunds.forEach(line -> pendingFenByFund.merge(line.fundId(), line.amountFen(), Math::addExact));
        pendingPayments.put(disbursementId, List.copyOf(fromFunds));
    }

    void settled(String disbursementId, DisbursementStatus outcome, List<BudgetLine> fromFunds) {
        switch (outcome) {
            case APPROVED -> {
                fromFunds.forEach(line -> {
                    pendingFenByFund.merge(line.fundId(), -line.amountFen(), Math::addExact);
                    paidFenByFund.merge(line.fundId(), line.amountFen(), Math::addExact);
                });
                pendingPayments.remove(disbursementId);
                paidPayments.put(disbursementId, List.copyOf(fromFunds));
            }
            case REJECTED -> {
                fromFunds.forEach(line -> pendingFenByFund.merge(line.fundId(), -line.amountFen(), Math::addExact));
                pendingPayments.remove(disbursementId);
            }
            case REVERSED -> {
                fromFunds.forEach(line -> paidFenByFund.merge(line.fundId(), -line.amountFen(), Math::addExact));
                paidPayments.remove(disbursementId);
            }
            case REQUESTED -> throw new IllegalStateException("a payment is never settled as requested");
        }
    }

    /** What is left of each budget line to request, in fund id order: reserved − paid − pending. */
    private Map<String, Long> leftByFund() {
        Map<String, Long> left = new TreeMap<>();
        reservedFenByFund.forEach((fundId, reservedFen) -> left.put(fundId, reservedFen
                - paidFenByFund.getOrDefault(fundId, 0L) - pendingFenByFund.getOrDefault(fundId, 0L)));
        return left;
    }
}
