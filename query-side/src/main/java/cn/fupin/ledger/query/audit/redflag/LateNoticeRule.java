package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import cn.fupin.ledger.shared.disclosure.WorkingCalendar;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LATE_NOTICE (未按时公告): allocation results are due on the public pages within
 * {@value WorkingCalendar#ALLOCATION_DUE_WORKING_DAYS} working days of the allocation (DOMAIN.md). The same count as
 * the notices' read model ({@link WorkingCalendar#lateBy}, from the earliest appropriation an allocation notice
 * lists, in China Standard Time): an allocation notice published later is a finding about the notice (LOW, MEDIUM
 * when more than as late again); an appropriation that no allocation notice has listed by its due date is a finding
 * about the appropriation, keyed {@code unpublished} (MEDIUM).
 */
final class LateNoticeRule implements RedFlagRule {

    static final String RULE = "LATE_NOTICE";

    private record Appropriation(String fundId, Instant at, String eventId) {
    }

    private final WorkingCalendar calendar;
    private final Map<String, Appropriation> appropriations = new LinkedHashMap<>();
    private final Set<String> announced = new HashSet<>();
    private final List<Finding> late = new ArrayList<>();

    LateNoticeRule(RedFlagSettings settings) {
        this.calendar = settings.calendar();
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public void accept(LedgerEvent event) {
        if (event.payload() instanceof FundsAppropriatedEvent e) {
            appropriations.put(e.appropriationId(), new Appropriation(e.fundId(), event.timestamp(), event.eventId()));
        } else if (event.payload() instanceof NoticePublishedEvent e && e.kind() == NoticeKind.FUND_ALLOCATION) {
            List<Appropriation> listed = new ArrayList<>();
            for (NoticeContent.Row row : e.content().rows()) {
                announced.add(row.item());
                if (appropriations.containsKey(row.item())) {
                    listed.add(appropriations.get(row.item()));
                }
            }
            listed.sort(Comparator.comparing(Appropriation::at));
            if (listed.isEmpty()) {
                return;
            }
            LocalDate allocated = date(listed.get(0).at());
            int lateBy = calendar.lateBy(allocated, WorkingCalendar.ALLOCATION_DUE_WORKING_DAYS, date(e.publishedAt()));
            if (lateBy > 0) {
                List<String> evidence = new ArrayList<>(listed.stream().map(Appropriation::eventId).toList());
                evidence.add(event.eventId());
                late.add(new Finding(RULE, lateBy > WorkingCalendar.ALLOCATION_DUE_WORKING_DAYS ? Severity.MEDIUM
                        : Severity.LOW, e.noticeId(), "", "allocation notice published " + lateBy + " working days "
                        + "after its due date " + dueDate(allocated), e.publishedAt(), evidence));
            }
        }
    }

    @Override
    public List<Finding> findings(Instant now) {
        List<Finding> findings = new ArrayList<>(late);
        LocalDate today = date(now);
        appropriations.forEach((appropriationId, appropriation) -> {
            LocalDate due = dueDate(date(appropriation.at()));
            if (!announced.contains(appropriationId) && today.isAfter(due)) {
                findings.add(new Finding(RULE, Severity.MEDIUM, appropriationId, "unpublished", "appropriation to "
                        + appropriation.fundId() + " not on any allocation notice by its due date " + due,
                        due.plusDays(1).atStartOfDay(RedFlagSettings.CHINA).toInstant(),
                        List.of(appropriation.eventId())));
            }
        });
        return findings;
    }

    private LocalDate dueDate(LocalDate allocated) {
        return calendar.dueDate(allocated, WorkingCalendar.ALLOCATION_DUE_WORKING_DAYS);
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, RedFlagSettings.CHINA);
    }
}
