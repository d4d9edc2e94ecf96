package cn.fupin.ledger.shared.inbox;

import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A notice as the approver's inbox weighs it against a payment: what it is (kind, level, place), its period
 * ({@code periodEnd} the last day shown, {@code periodEndsAt} the moment it ends), the notice it corrects and the one
 * that corrected it (or {@code null}), which of the asked items it lists, and its objections on those items. The same
 * facts the notice aggregate decides a hold from (DISCLOSURE_PERIOD_OPEN, OBJECTION_PENDING, CORRECTION_DUE,
 * NOT_DISCLOSED, SAME_RESOLVER_AND_APPROVER), read from the notices read model.
 */
public record ListingNoticeView(String noticeId, String title, NoticeKind kind, NoticeLevel level, String placeCode,
                                LocalDate periodEnd, Instant periodEndsAt, String supersedes, String supersededBy,
                                List<String> listed, List<Objection> objections) {

    public ListingNoticeView {
        listed = List.copyOf(listed);
        objections = List.copyOf(objections);
    }

    /** An objection on one of the asked items: PENDING, UPHELD or DISMISSED, and who resolved it. */
    public record Objection(String objectionId, String item, String outcome, String resolvedBy) {
    }
}
