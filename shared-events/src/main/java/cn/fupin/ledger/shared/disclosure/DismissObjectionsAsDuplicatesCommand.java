package cn.fupin.ledger.shared.disclosure;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Reasoned;
import java.util.List;

/**
 * An officer (APPROVER or AUDITOR) dismisses several objections to one notice at once as duplicates of the objection
 * {@code duplicateOf} (重复异议), for one {@code reason}: each is resolved DISMISSED and no longer holds its item; the
 * original is left as it is, to be resolved on its own. All of them or none; at most
 * {@value #OBJECTIONS_MAX} in one command, so that a flood of identical objections does not hold a county's payments
 * for as many requests.
 */
public record DismissObjectionsAsDuplicatesCommand(NoticeId noticeId, ObjectionId duplicateOf,
                                                   List<ObjectionId> objectionIds, String reason, Actor actor)
        implements Reasoned {

    /** The most objections one command dismisses: as many as one notice takes. */
    public static final int OBJECTIONS_MAX = 1_000;
}
