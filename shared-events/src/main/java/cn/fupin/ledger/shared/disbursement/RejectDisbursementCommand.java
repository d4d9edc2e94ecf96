package cn.fupin.ledger.shared.disbursement;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Reasoned;

/** An approver rejects a requested payment with a reason; nothing is paid. */
public record RejectDisbursementCommand(DisbursementId disbursementId, String reason, Actor actor) implements Reasoned {
}
