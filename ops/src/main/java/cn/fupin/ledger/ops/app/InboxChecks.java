package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.inbox.ListingNoticeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What stops an approver from paying now, computed from the notices read model with the same rules the approval
 * applies in the command side ({@code PublicityHold}, {@code Notice.holdOn}, {@code Notice.disclosesAt}): a notice
 * listing the payment, its batch or its project that has an objection pending (OBJECTION_PENDING), one upheld and not
 * corrected yet (CORRECTION_DUE) or is still in its period (DISCLOSURE_PERIOD_OPEN); an objection on them resolved by
 * this approver (SAME_RESOLVER_AND_APPROVER); and no village notice of the right kind whose period is over naming it
 * (NOT_DISCLOSED). The inbox shows these so that it never offers an approval the ledger will refuse; the ledger still
 * decides, and its refusal is shown if the read model was behind.
 */
final class InboxChecks {

    /** One thing that stops the approval: the API's refusal code, and the sentence the inbox shows. */
    record Block(String code, String text) {
    }

    /** A notice that makes a payment public: of {@code kind}, at the village {@code villageCode}, listing {@code listedAs}. */
    record Disclosure(NoticeKind kind, String villageCode, String listedAs) {

        /** A household's grant is public on its village's grant list naming the grant itself. */
        static Disclosure ofGrant(String disbursementId, String villageCode) {
            return new Disclosure(NoticeKind.GRANT_LIST, villageCode, disbursementId);
        }

        /** A village's payment is public on its project's plan at that village. */
        static Disclosure ofVillagePayment(String projectId, String villageCode) {
            return new Disclosure(NoticeKind.PROJECT_PLAN, villageCode, projectId);
        }
    }

    private InboxChecks() {
    }

    /** The holds the notices put on {@code paid} (the payment, its batch, its project, a batch's items) at {@code now}. */
    static List<Block> holds(List<ListingNoticeView> notices, Collection<String> paid, String approver, Instant now) {
        Set<String> items = Set.copyOf(paid);
        List<Block> blocks = new ArrayList<>();
        for (ListingNoticeView notice : notices) {
            String title = "《" + notice.title() + "》";
            boolean pending = notice.objections().stream()
                    .anyMatch(o -> "PENDING".equals(o.outcome()) && items.contains(o.item()));
            if (pending) {
                blocks.add(new Block("OBJECTION_PENDING", "公告" + title + "上有群众异议尚未处理，处理后才能审批"));
            }
            boolean resolvedByMe = notice.objections().stream().anyMatch(o -> !"PENDING".equals(o.outcome())
                    && approver.equals(o.resolvedBy()) && items.contains(o.item()));
            if (resolvedByMe) {
                blocks.add(new Block("SAME_RESOLVER_AND_APPROVER", "您处理过公告" + title
                        + "上关于这笔款项的异议，须由另一位审批人审批（四眼原则）"));
            }
            if (pending || notice.supersededBy() != null) {
                continue;
            }
            boolean withdrawn = notice.objections().stream()
                    .anyMatch(o -> "UPHELD".equals(o.outcome()) && items.contains(o.item()));
            if (withdrawn) {
                blocks.add(new Block("CORRECTION_DUE", "公告" + title + "上的异议已成立，须先发布更正公告"));
            } else if (notice.listed().stream().anyMatch(items::contains) && now.isBefore(notice.periodEndsAt())) {
                blocks.add(new Block("DISCLOSURE_PERIOD_OPEN", "公告" + title + "公示期至 " + notice.periodEnd()
                        + "，期满后才能审批"));
            }
        }
        return blocks;
    }

    /**
     * Whether one of the notices made the payment public as {@code disclosure} says at {@code now}: lists it, not
     * withdrawn by an upheld objection, period over, not corrected since, at that village, of that kind (a
     * correction's kind is that of the notice it corrects, followed back along the chain).
     */
    static boolean disclosed(List<ListingNoticeView> notices, Disclosure disclosure, Instant now) {
        Map<String, ListingNoticeView> byId = new HashMap<>();
        notices.forEach(notice -> byId.put(notice.noticeId(), notice));
        String item = disclosure.listedAs();
        return notices.stream().anyMatch(notice -> notice.supersededBy() == null
                && !now.isBefore(notice.periodEndsAt()) && notice.level() == NoticeLevel.VILLAGE
                && notice.placeCode().equals(disclosure.villageCode()) && notice.listed().contains(item)
                && notice.objections().stream().noneMatch(o -> "UPHELD".equals(o.outcome()) && item.equals(o.item()))
                && disclosure.kind() == kindOf(notice, item, byId));
    }

    private static NoticeKind kindOf(ListingNoticeView notice, String item, Map<String, ListingNoticeView> byId) {
        ListingNoticeView current = notice;
        for (int step = 0; step <= byId.size(); step++) {
            if (current.kind() != NoticeKind.CORRECTION) {
                return current.kind();
            }
            ListingNoticeView corrected = current.supersedes() == null ? null : byId.get(current.supersedes());
            if (corrected == null || !corrected.listed().contains(item)) {
                return null;
            }
            current = corrected;
        }
        return null;
    }

    /** The notices among {@code notices} that list any of {@code items}, for the links beside an item. */
    static List<ListingNoticeView> listing(List<ListingNoticeView> notices, Collection<String> items) {
        Set<String> wanted = Set.copyOf(items);
        return notices.stream().filter(notice -> notice.listed().stream().anyMatch(wanted::contains)).toList();
    }
}
