package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A history for a rule: events with ids {@code E1, E2, …} and global indexes in order, recorded at the instants the
 * test says, fed to the rule as the engine would feed it.
 */
final class History {

    static final Instant DAY0 = Instant.parse("2086-03-02T02:00:00Z");
    static final String FUND = "FUND-510824-2086-CENTRAL";
    static final String VILLAGE = "510824100201";
    static final String TOWNSHIP = "510824100";
    static final String OTHER_TOWNSHIP_VILLAGE = "510824101201";

    private final RedFlagRule rule;
    private final List<LedgerEvent> events = new ArrayList<>();

    History(RedFlagRule rule) {
        this.rule = rule;
    }

    static Instant day(long day) {
        return DAY0.plus(Duration.ofDays(day));
    }

    /** Records the payload on the given day; returns its event id. */
    String at(long day, Object payload) {
        return at(day(day), payload);
    }

    String at(Instant at, Object payload) {
        String id = "E" + (events.size() + 1);
        LedgerEvent event = new LedgerEvent(events.size() + 1, id, payload.getClass().getSimpleName(), "1", "Test",
                "S", 0, at, payload, Map.of());
        events.add(event);
        rule.accept(event);
        return id;
    }

    List<Finding> findingsOn(long day) {
        return rule.findings(day(day));
    }

    static ProjectProposedEvent project(String projectId, String villageCode, LocalDate endDate, Long standardFen) {
        return new ProjectProposedEvent(projectId, "增收项目", "INDUSTRY", villageCode, villageCode.substring(0, 9),
                Beneficiary.HOUSEHOLDS, List.of(new BudgetLine(FUND, 900_000L)), 900_000L, "村委会", "镇政府",
                LocalDate.of(2086, 3, 1), endDate, 3, null, null, null, null, standardFen, null, null, null, "clerk");
    }

    static HouseholdRegisteredEvent household(String cardNo, String villageCode, String idSealed, String cardSealed) {
        return new HouseholdRegisteredEvent(cardNo, "王建国", idSealed, "**************0011", cardSealed,
                "***************1234", villageCode, villageCode.substring(0, 9), 3, false, "IMPORT-510824-1");
    }

    static DisbursementApprovedEvent grant(String disbursementId, String projectId, String cardNo, long amountFen) {
        return new DisbursementApprovedEvent(disbursementId, projectId, PayeeKind.HOUSEHOLD, VILLAGE, cardNo, amountFen,
                List.of(new BudgetLine(FUND, amountFen)), null, "approver");
    }

    static DisbursementApprovedEvent villagePayment(String disbursementId, String projectId, String villageCode,
                                                    long amountFen) {
        return new DisbursementApprovedEvent(disbursementId, projectId, PayeeKind.VILLAGE, villageCode, null,
                amountFen, List.of(new BudgetLine(FUND, amountFen)), null, "approver");
    }

    /** A notice of the kind at the place, listing the items (each a row), public from day to day. */
    static NoticePublishedEvent notice(String noticeId, NoticeKind kind, NoticeLevel level, String placeCode,
                                       List<String> items, long fromDay, long untilDay, String supersedes) {
        LocalDate first = LocalDate.ofInstant(day(fromDay), RedFlagSettings.CHINA);
        LocalDate last = LocalDate.ofInstant(day(untilDay), RedFlagSettings.CHINA);
        NoticeContent content = new NoticeContent(noticeId, kind, level, placeCode, "某村", "公示", "正文", List.of(),
                List.of("项目"), items.stream().map(item -> new NoticeContent.Row(item, List.of(item))).toList(), first,
                last, supersedes, supersedes == null ? null : "更正", "0839-5222000", NoticeContent.HOTLINE);
        return NoticePublishedEvent.of(content, items, day(fromDay), day(untilDay), "clerk");
    }
}
