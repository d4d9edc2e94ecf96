package cn.fupin.ledger.shared.disbursement;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Reasoned;

/** An approver rejects every item of a grant batch still requested, with a reason; nothing of it is paid. */
public record RejectGrantBatchCommand(GrantBatchId batchId, String reason, Actor actor) implements Reasoned {
}
