package cn.fupin.ledger.shared.disbursement;

import cn.fupin.ledger.shared.common.Actor;

/** Approve every item of a grant batch together (four eyes: not the batch's requester). */
public record ApproveGrantBatchCommand(GrantBatchId batchId, Actor actor) {
}
