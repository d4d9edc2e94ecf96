package cn.fupin.ledger.shared.disclosure;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Reasoned;

/**
 * An officer (APPROVER or AUDITOR) resolves an objection with a reason (办理结果): DISMISSED releases the item's hold;
 * UPHELD withdraws the item (a payment of it still requested is rejected) and a correction notice becomes due.
 */
public record ResolveObjectionCommand(NoticeId noticeId, ObjectionId objectionId, ObjectionResolution outcome,
                                      String reason, Actor actor) implements Reasoned {
}
