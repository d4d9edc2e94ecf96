package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which items of a notice its objections hold from payment, and why, as the notice's page shows them: an item with an
 * objection still being handled (since the first of them was received, and how many), or an item withdrawn by an
 * upheld objection whose correction notice is not published yet (since the resolution). Pure: from the notice's
 * answer alone, never from a clock (a page is stored until the next fact about the notice), and nothing of who
 * objected or what they wrote. The period itself holds every item too; the page says so in words. Items come in the
 * order of the notice's rows.
 */
final class HeldItems {

    /** Why an item is held. */
    enum Reason { OBJECTION_PENDING, CORRECTION_DUE }

    /**
     * An item held: since when (the first pending objection's arrival, or the upheld resolution) and, while
     * objections are pending, how many.
     */
    record HeldItem(String item, Reason reason, Instant since, int pendingObjections) {
    }

    private HeldItems() {
    }

    static List<HeldItem> of(NoticeView notice) {
        List<NoticeView.ObjectionOutcome> objections = notice.objections() == null ? List.of() : notice.objections();
        Map<String, HeldItem> held = new LinkedHashMap<>();
        for (NoticeView.ObjectionOutcome objection : objections) {
            // Pending is what has no resolution yet (the query side records the time of every resolution).
            if (objection.item() == null || objection.resolvedAt() != null) {
                continue;
            }
            HeldItem before = held.get(objection.item());
            held.put(objection.item(), new HeldItem(objection.item(), Reason.OBJECTION_PENDING,
                    earlier(before == null ? null : before.since(), objection.receivedAt()),
                    before == null ? 1 : before.pendingObjections() + 1));
        }
        if (notice.supersededBy() == null) {
            // Once a correction superseded the notice, the withdrawn items are corrected: only pending objections hold.
            for (NoticeView.ObjectionOutcome objection : objections) {
                if (objection.item() != null && "UPHELD".equals(objection.outcome())) {
                    HeldItem before = held.get(objection.item());
                    if (before == null || before.reason() == Reason.CORRECTION_DUE) {
                        held.put(objection.item(), new HeldItem(objection.item(), Reason.CORRECTION_DUE,
                                earlier(before == null ? null : before.since(), objection.resolvedAt()), 0));
                    }
                }
            }
        }
        List<HeldItem> ordered = new ArrayList<>();
        for (NoticeContent.Row row : notice.content().rows()) {
            HeldItem item = held.remove(row.item());
            if (item != null) {
                ordered.add(item);
            }
        }
        held.values().stream().sorted(java.util.Comparator.comparing(HeldItem::item)).forEach(ordered::add);
        return ordered;
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
