package cn.fupin.ledger.shared.disbursement;

import cn.fupin.ledger.shared.common.Actor;

/** An approver approves a requested payment; the approver is not the requester (four eyes). */
public record ApproveDisbursementCommand(DisbursementId disbursementId, Actor actor) {
}
