package cn.fupin.ledger.query.disclosure;

import cn.fupin.ledger.shared.disclosure.FindNoticeObjectionsQuery;
import cn.fupin.ledger.shared.disclosure.FindNoticeQuery;
import cn.fupin.ledger.shared.disclosure.FindNoticesQuery;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import cn.fupin.ledger.shared.disclosure.ObjectionView;
import cn.fupin.ledger.shared.disclosure.WorkingCalendar;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the notice queries from the notices read model: the public view of a notice (the bytes that were published
 * and the content read from them, the recorded SHA-256, the names of its kind and level it was published with, its
 * period, its correction, and how each objection was handled, never who objected nor what they wrote), and the officers' view of a notice's objections. The lateness of an allocation notice is computed when
 * asked, from the configured working calendar ({@code ledger.disclosure.holidays},
 * {@code ledger.disclosure.working-weekend-days}), so that a corrected holiday list is reflected at once.
 */
@Component
class NoticeQueries {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final NoticeRepository notices;
    private final NoticeObjectionRepository objections;
    private final NoticeAppropriationRepository appropriations;
    private final WorkingCalendar calendar;

    @Autowired
    NoticeQueries(NoticeRepository notices, NoticeObjectionRepository objections,
                  NoticeAppropriationRepository appropriations,
                  @Value("${ledger.disclosure.holidays:}") List<String> holidays,
                  @Value("${ledger.disclosure.working-weekend-days:}") List<String> workingWeekendDays) {
        this(notices, objections, appropriations, new WorkingCalendar(
                Set.copyOf(dates(holidays)), Set.copyOf(dates(workingWeekendDays))));
    }

    NoticeQueries(NoticeRepository notices, NoticeObjectionRepository objections,
                  NoticeAppropriationRepository appropriations, WorkingCalendar calendar) {
        this.notices = notices;
        this.objections = objections;
        this.appropriations = appropriations;
        this.calendar = calendar;
    }

    /** ISO dates of the configuration; a bad one stops the start, rather than silently counting a holiday as work. */
    static List<LocalDate> dates(List<String> configured) {
        List<LocalDate> dates = new ArrayList<>();
        for (String date : configured == null ? List.<String>of() : configured) {
            if (date != null && !date.isBlank()) {
                dates.add(LocalDate.parse(date.strip()));
            }
        }
        return dates;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<NoticeView> handle(FindNoticeQuery query) {
        return notices.findById(query.noticeId()).map(notice -> views(List.of(notice)).get(0));
    }

    /** The notices of a place, newest first; a missing level or place code matches every one. */
    @QueryHandler
    @Transactional(readOnly = true)
    public List<NoticeView> handle(FindNoticesQuery query) {
        String level = query.level() == null ? null : query.level().name();
        List<NoticeEntity> found;
        if (level != null && query.placeCode() != null) {
            found = notices.findByLevelAndPlaceCodeOrderByPublishedAtDescNoticeIdAsc(level, query.placeCode());
        } else if (level != null) {
            found = notices.findByLevelOrderByPublishedAtDescNoticeIdAsc(level);
        } else if (query.placeCode() != null) {
            found = notices.findByPlaceCodeOrderByPublishedAtDescNoticeIdAsc(query.placeCode());
        } else {
            found = notices.findAllByOrderByPublishedAtDescNoticeIdAsc();
        }
        return views(found);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public List<ObjectionView> handle(FindNoticeObjectionsQuery query) {
        return objections.findByNoticeIdOrderByReceivedAtAscObjectionIdAsc(query.noticeId()).stream()
                .map(o -> new ObjectionView(o.objectionId(), o.noticeId(), o.item(), o.text(), o.isContactGiven(),
                        o.receivedAt(), o.outcome(), o.reason(), o.resolvedBy(), o.resolvedAt(), o.isCorrectionDue(),
                        o.duplicateOf()))
                .toList();
    }

    private List<NoticeView> views(List<NoticeEntity> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, List<NoticeView.ObjectionOutcome>> handled = new HashMap<>();
        for (NoticeObjectionEntity objection : objections.findByNoticeIdInOrderByReceivedAtAscObjectionIdAsc(
                found.stream().map(NoticeEntity::noticeId).toList())) {
            handled.computeIfAbsent(objection.noticeId(), id -> new ArrayList<>()).add(new NoticeView.ObjectionOutcome(
                    objection.objectionId(), objection.item(), objection.receivedAt(), objection.outcome(),
                    objection.reason(), objection.resolvedAt(), objection.duplicateOf()));
        }
        return found.stream().map(notice -> {
            byte[] published = notice.publishedJson();
            PublishedNotices.Document document = PublishedNotices.read(published);
            NoticeContent content = document.content();
            return new NoticeView(content, new String(published, StandardCharsets.UTF_8), notice.contentSha256(),
                    notice.kindName(), notice.levelName(), notice.publishedAt(), notice.periodEndsAt(),
                    notice.supersededBy(), lateByWorkingDays(notice, content.rows()),
                    List.copyOf(handled.getOrDefault(notice.noticeId(), List.of())));
        }).toList();
    }

    /**
     * An allocation notice is due within 15 working days of the earliest appropriation it lists (its rows' items are
     * appropriation ids); how many working days after that it was published, or 0. Other notices have no due date.
     */
    private int lateByWorkingDays(NoticeEntity notice, List<NoticeContent.Row> rows) {
        if (!NoticeKind.FUND_ALLOCATION.name().equals(notice.kind()) || rows.isEmpty()) {
            return 0;
        }
        return appropriations.findAllById(rows.stream().map(NoticeContent.Row::item)
                        .toList()).stream()
                .map(NoticeAppropriationEntity::appropriatedAt)
                .min(Comparator.naturalOrder())
                .map(first -> calendar.lateBy(LocalDate.ofInstant(first, CHINA),
                        WorkingCalendar.ALLOCATION_DUE_WORKING_DAYS, LocalDate.ofInstant(notice.publishedAt(), CHINA)))
                .orElse(0);
    }
}
