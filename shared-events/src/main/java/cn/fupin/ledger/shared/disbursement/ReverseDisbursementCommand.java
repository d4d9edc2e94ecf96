package cn.fupin.ledger.shared.disbursement;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Reasoned;

/**
 * Reverse (冲销) an approved payment with a reason: a new fact that references the original and returns its money
 * to the project's budget. The original is never changed.
 */
public record ReverseDisbursementCommand(DisbursementId disbursementId, String reason, Actor actor) implements Reasoned {
}
