package cn.fupin.ledger.shared.journal;

import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns each money event into its balanced double-entry posting (a pure function, so the journal can be rebuilt from
 * the events at any time and always gives the same lines). Events that move no money give no lines.
 */
public final class Postings {

    private Postings() {
    }

    public static List<Posting> of(Object event, Instant at) {
        List<Posting> lines = new ArrayList<>();
        if (event instanceof FundsAppropriatedEvent e) {
            String type = "FundsAppropriatedEvent";
            String ref = e.appropriationId() + " " + e.documentNo();
            lines.add(new Posting(Accounts.fund(e.fundId()), e.amountFen(), at, type, ref));
            lines.add(new Posting(Accounts.appropriation(e.fundId()), -e.amountFen(), at, type, ref));
        } else if (event instanceof FundsReservedEvent e) {
            String type = "FundsReservedEvent";
            lines.add(new Posting(Accounts.reserved(e.projectId(), e.fundId()), e.amountFen(), at, type, e.projectId()));
            lines.add(new Posting(Accounts.fund(e.fundId()), -e.amountFen(), at, type, e.projectId()));
        } else if (event instanceof FundReservationReleasedEvent e) {
            String type = "FundReservationReleasedEvent";
            lines.add(new Posting(Accounts.fund(e.fundId()), e.amountFen(), at, type, e.projectId()));
            lines.add(new Posting(Accounts.reserved(e.projectId(), e.fundId()), -e.amountFen(), at, type, e.projectId()));
        } else if (event instanceof DisbursementApprovedEvent e) {
            String payee = payee(e.payeeKind(), e.villageCode(), e.cardNo());
            for (BudgetLine line : e.fromFunds()) {
                lines.add(new Posting(payee, line.amountFen(), at, "DisbursementApprovedEvent", e.disbursementId()));
                lines.add(new Posting(Accounts.reserved(e.projectId(), line.fundId()), -line.amountFen(), at,
                        "DisbursementApprovedEvent", e.disbursementId()));
            }
        } else if (event instanceof DisbursementReversedEvent e) {
            String payee = payee(e.payeeKind(), e.villageCode(), e.cardNo());
            for (BudgetLine line : e.fromFunds()) {
                lines.add(new Posting(Accounts.reserved(e.projectId(), line.fundId()), line.amountFen(), at,
                        "DisbursementReversedEvent", e.disbursementId()));
                lines.add(new Posting(payee, -line.amountFen(), at, "DisbursementReversedEvent", e.disbursementId()));
            }
        }
        return List.copyOf(lines);
    }

    private static String payee(PayeeKind kind, String villageCode, String cardNo) {
        return kind == PayeeKind.HOUSEHOLD ? Accounts.paidToHousehold(cardNo) : Accounts.paidToVillage(villageCode);
    }
}
