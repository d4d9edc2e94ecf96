package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import cn.fupin.ledger.shared.disclosure.NoticeSupersededEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import cn.fupin.ledger.shared.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PAID_BEFORE_PUBLICITY (未按规定公开): a payment approved without a notice that made it public before (事前公示), by
 * the events alone and at the moment of its approval: for a household's grant a grant list (到户资金公示) at the
 * household's village naming the grant; for a payment to a village its project's plan (项目计划公示) at that village;
 * the notice (or a correction of it, whose kind is that of the notice it corrects) listing the item, not withdrawn by
 * an upheld objection, not superseded, its period over. The command side refuses such a payment (NOT_DISCLOSED), so
 * the rule should never fire: it proves, over the whole history, that none was made — including payments recorded
 * before that check existed. Severity HIGH.
 */
final class PaidBeforePublicityRule implements RedFlagRule {

    static final String RULE = "PAID_BEFORE_PUBLICITY";

    /** What a notice discloses, as its events left it so far. */
    private static final class Notice {
        NoticeKind kind;
        NoticeLevel level;
        String placeCode;
        Set<String> items;
        Instant periodEndsAt;
        String supersedes;
        boolean superseded;
        final Set<String> withdrawn = new HashSet<>();
    }

    private final Map<String, Notice> notices = new HashMap<>();
    /** The notices listing each item, in order of publication. */
    private final Map<String, List<String>> listing = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public void accept(LedgerEvent event) {
        Object payload = event.payload();
        if (payload instanceof NoticePublishedEvent e) {
            Notice notice = new Notice();
            notice.kind = e.kind();
            notice.level = e.level();
            notice.placeCode = e.placeCode();
            notice.items = Set.copyOf(e.items());
            notice.periodEndsAt = e.periodEndsAt();
            notice.supersedes = e.supersedes();
            notices.put(e.noticeId(), notice);
            e.items().forEach(item -> listing.computeIfAbsent(item, i -> new ArrayList<>()).add(e.noticeId()));
        } else if (payload instanceof NoticeSupersededEvent e && notices.containsKey(e.noticeId())) {
            notices.get(e.noticeId()).superseded = true;
        } else if (payload instanceof ObjectionResolvedEvent e && e.outcome() == ObjectionResolution.UPHELD
                && notices.containsKey(e.noticeId())) {
            notices.get(e.noticeId()).withdrawn.add(e.item());
        } else if (payload instanceof DisbursementApprovedEvent e) {
            approved(event, e);
        }
    }

    private void approved(LedgerEvent event, DisbursementApprovedEvent payment) {
        boolean grant = payment.payeeKind() == PayeeKind.HOUSEHOLD;
        NoticeKind kind = grant ? NoticeKind.GRANT_LIST : NoticeKind.PROJECT_PLAN;
        String item = grant ? payment.disbursementId() : payment.projectId();
        boolean disclosed = listing.getOrDefault(item, List.of()).stream()
                .anyMatch(id -> discloses(notices.get(id), item, kind, payment.villageCode(), event.timestamp()));
        if (!disclosed) {
            findings.add(new Finding(RULE, Severity.HIGH, payment.disbursementId(), "", "payment of "
                    + Money.yuan(payment.amountFen()) + " approved with no finished " + kind.chineseName()
                    + " at village " + payment.villageCode() + " naming " + item, event.timestamp(),
                    List.of(event.eventId())));
        }
    }

    private boolean discloses(Notice notice, String item, NoticeKind kind, String villageCode, Instant at) {
        return !notice.superseded && !at.isBefore(notice.periodEndsAt) && notice.level == NoticeLevel.VILLAGE
                && notice.placeCode.equals(villageCode) && notice.items.contains(item)
                && !notice.withdrawn.contains(item) && kindOf(notice, item) == kind;
    }

    /** A notice's own kind, or for a correction the kind of the notice it corrects, along a chain that lists the item. */
    private NoticeKind kindOf(Notice notice, String item) {
        Notice current = notice;
        for (int step = 0; step <= notices.size(); step++) {
            if (current.kind != NoticeKind.CORRECTION) {
                return current.kind;
            }
            Notice corrected = notices.get(current.supersedes);
            if (corrected == null || !corrected.items.contains(item)) {
                return null;
            }
            current = corrected;
        }
        return null;
    }

    @Override
    public List<Finding> findings(Instant now) {
        return List.copyOf(findings);
    }
}
