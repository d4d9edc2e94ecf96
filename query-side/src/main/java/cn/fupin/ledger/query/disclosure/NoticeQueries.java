package cn.fupin.ledger.query.disclosure;

import cn.fupin.ledger.shared.disclosure.FindNoticeObjectionsQuery;
import cn.fupin.ledger.shared.disclosure.FindNoticeQuery;
import cn.fupin.ledger.shared.disclosure.FindNoticeSummariesQuery;
import cn.fupin.ledger.shared.disclosure.FindNoticesQuery;
import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import cn.fupin.ledger.shared.disclosure.ObjectionView;
import cn.fupin.ledger.shared.disclosure.WorkingCalendar;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Limit;
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

    /** Ids per query when the appropriations of many notices are read at once: well below any database's limit. */
    private static final int IDS_PER_QUERY = 500;

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
        List<NoticeEntity> found = notices.find(level, query.placeCode(), query.afterPublishedAt(), query.afterId(),
                query.limit() == null ? Limit.unlimited() : Limit.of(query.limit()));
        return views(found);
    }

    /** A page of a place's notices as a list shows them, without their published bytes. */
    @QueryHandler
    @Transactional(readOnly = true)
    public List<NoticeSummaryView> handle(FindNoticeSummariesQuery query) {
        return notices.findSummaries(query.level().name(), query.placeCode(), query.afterPublishedAt(),
                query.afterId(), Limit.of(query.limit()));
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
        List<NoticeContent> contents = found.stream()
                .map(notice -> PublishedNotices.read(notice.publishedJson()).content()).toList();
        Map<String, Instant> appropriatedAt = appropriatedAt(found, contents);
        List<NoticeView> views = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            NoticeEntity notice = found.get(i);
            NoticeContent content = contents.get(i);
            views.add(new NoticeView(content, new String(notice.publishedJson(), StandardCharsets.UTF_8),
                    notice.contentSha256(), notice.kindName(), notice.levelName(), notice.publishedAt(),
                    notice.periodEndsAt(), notice.supersededBy(), lateByWorkingDays(notice, content.rows(),
                    appropriatedAt), List.copyOf(handled.getOrDefault(notice.noticeId(), List.of()))));
        }
        return List.copyOf(views);
    }

    /**
     * When each appropriation listed by the allocation notices among {@code found} was recorded: read at once, in
     * chunks, for all of them (one query per notice made a county page of 2,000 allocation notices take 2,000 queries,
     * and a rendering of it nine tenths of its time).
     */
    private Map<String, Instant> appropriatedAt(List<NoticeEntity> found, List<NoticeContent> contents) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (NoticeKind.FUND_ALLOCATION.name().equals(found.get(i).kind())) {
                contents.get(i).rows().forEach(row -> ids.add(row.item()));
            }
        }
        Map<String, Instant> at = new HashMap<>();
        List<String> distinct = ids.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += IDS_PER_QUERY) {
            for (NoticeAppropriationEntity appropriation : appropriations.findAllById(
                    distinct.subList(from, Math.min(distinct.size(), from + IDS_PER_QUERY)))) {
                at.put(appropriation.appropriationId(), appropriation.appropriatedAt());
            }
        }
        return at;
    }

    /**
     * An allocation notice is due within 15 working days of the earliest appropriation it lists (its rows' items are
     * appropriation ids); how many working days after that it was published, or 0. Other notices have no due date.
     */
    private int lateByWorkingDays(NoticeEntity notice, List<NoticeContent.Row> rows, Map<String, Instant> appropriatedAt) {
        if (!NoticeKind.FUND_ALLOCATION.name().equals(notice.kind()) || rows.isEmpty()) {
            return 0;
        }
        return rows.stream().map(row -> appropriatedAt.get(row.item())).filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(first -> calendar.lateBy(LocalDate.ofInstant(first, CHINA),
                        WorkingCalendar.ALLOCATION_DUE_WORKING_DAYS, LocalDate.ofInstant(notice.publishedAt(), CHINA)))
                .orElse(0);
    }
}
