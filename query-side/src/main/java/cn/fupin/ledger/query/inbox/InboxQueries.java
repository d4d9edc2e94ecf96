package cn.fupin.ledger.query.inbox;

import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.ObjectionView;
import cn.fupin.ledger.shared.household.HouseholdStatus;
import cn.fupin.ledger.shared.inbox.FindExitedHouseholdsQuery;
import cn.fupin.ledger.shared.inbox.FindNoticesListingQuery;
import cn.fupin.ledger.shared.inbox.FindPendingObjectionsQuery;
import cn.fupin.ledger.shared.inbox.ListingNoticeView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the approver's inbox (审批) from the notices read model: which notices can hold or disclose the payments
 * waiting for a decision, and which objections wait for an officer. It owns no table: it reads the notices read
 * model's entities by their JPQL names ({@code NoticeEntity}, {@code NoticeObjectionEntity}), so the inbox weighs a
 * payment with the same facts the public pages show, and a rebuild of that read model rebuilds what the inbox sees.
 * Which items a notice lists is read from its published rows (a notice's items are exactly its rows' items). Which
 * households have exited is read the same way from the households read model ({@code HouseholdEntity}).
 */
@Component
class InboxQueries {

    /** Ids per {@code in} list: well below any database's limit. */
    private static final int IDS_PER_QUERY = 500;

    /**
     * Notices in their period at one moment: a county publishes a few a day with periods of ten days and more, so
     * this is far above what happens; reaching it fails loudly rather than leaving a hold out of the inbox.
     */
    static final int IN_PERIOD_MAX = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    @PersistenceContext
    private EntityManager entityManager;

    @QueryHandler
    @Transactional(readOnly = true)
    public List<ListingNoticeView> handle(FindNoticesListingQuery query) {
        if (query.items().isEmpty()) {
            return List.of();
        }
        Set<String> candidates = new LinkedHashSet<>();
        List<String> inPeriod = entityManager.createQuery(
                        "select n.noticeId from NoticeEntity n where n.periodEndsAt > :asOf", String.class)
                .setParameter("asOf", query.asOf()).setMaxResults(IN_PERIOD_MAX + 1).getResultList();
        if (inPeriod.size() > IN_PERIOD_MAX) {
            throw new IllegalStateException("more than " + IN_PERIOD_MAX + " notices are in their period at once");
        }
        candidates.addAll(inPeriod);
        for (List<String> chunk : chunks(query.items())) {
            candidates.addAll(entityManager.createQuery("select distinct o.noticeId from NoticeObjectionEntity o"
                    + " where o.item in :items", String.class).setParameter("items", chunk).getResultList());
        }
        for (List<String> chunk : chunks(query.villageCodes())) {
            candidates.addAll(entityManager.createQuery("select n.noticeId from NoticeEntity n"
                            + " where n.level = :level and n.placeCode in :villages", String.class)
                    .setParameter("level", NoticeLevel.VILLAGE.name()).setParameter("villages", chunk)
                    .getResultList());
        }
        Set<String> asked = new HashSet<>(query.items());
        Map<String, ListingNoticeView> listing = new LinkedHashMap<>();
        for (List<String> chunk : chunks(candidates)) {
            List<Object[]> rows = entityManager.createQuery("select n.noticeId, n.title, n.kind, n.level, n.placeCode,"
                            + " n.periodEnd, n.periodEndsAt, n.supersedes, n.supersededBy, n.publishedJson"
                            + " from NoticeEntity n where n.noticeId in :ids order by n.publishedAt, n.noticeId",
                    Object[].class).setParameter("ids", chunk).getResultList();
            for (Object[] row : rows) {
                List<String> listed = itemsOf((byte[]) row[9]).stream().filter(asked::contains).toList();
                if (!listed.isEmpty()) {
                    listing.put((String) row[0], new ListingNoticeView((String) row[0], (String) row[1],
                            NoticeKind.valueOf((String) row[2]), NoticeLevel.valueOf((String) row[3]),
                            (String) row[4], (LocalDate) row[5], (Instant) row[6], (String) row[7], (String) row[8],
                            listed, List.of()));
                }
            }
        }
        Map<String, List<ListingNoticeView.Objection>> objections = new LinkedHashMap<>();
        for (List<String> chunk : chunks(listing.keySet())) {
            List<Object[]> rows = entityManager.createQuery("select o.objectionId, o.noticeId, o.item, o.outcome,"
                    + " o.resolvedBy from NoticeObjectionEntity o where o.noticeId in :ids"
                    + " order by o.receivedAt, o.objectionId", Object[].class).setParameter("ids", chunk)
                    .getResultList();
            for (Object[] row : rows) {
                if (asked.contains((String) row[2])) {
                    objections.computeIfAbsent((String) row[1], id -> new ArrayList<>()).add(
                            new ListingNoticeView.Objection((String) row[0], (String) row[2], (String) row[3],
                                    (String) row[4]));
                }
            }
        }
        return listing.values().stream().map(notice -> new ListingNoticeView(notice.noticeId(), notice.title(),
                notice.kind(), notice.level(), notice.placeCode(), notice.periodEnd(), notice.periodEndsAt(),
                notice.supersedes(), notice.supersededBy(), notice.listed(),
                objections.getOrDefault(notice.noticeId(), List.of()))).toList();
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public List<ObjectionView> handle(FindPendingObjectionsQuery query) {
        List<Object[]> rows = entityManager.createQuery("select o.objectionId, o.noticeId, o.item, o.text,"
                        + " o.contactGiven, o.receivedAt, o.outcome, o.reason, o.resolvedBy, o.resolvedAt,"
                        + " o.correctionDue, o.duplicateOf from NoticeObjectionEntity o where o.outcome = :pending"
                        + " order by o.receivedAt, o.objectionId", Object[].class)
                .setParameter("pending", "PENDING").setMaxResults(query.limit()).getResultList();
        return rows.stream().map(row -> new ObjectionView((String) row[0], (String) row[1], (String) row[2],
                (String) row[3], (Boolean) row[4], (Instant) row[5], (String) row[6], (String) row[7],
                (String) row[8], (Instant) row[9], (Boolean) row[10], (String) row[11])).toList();
    }

    /** The households among those asked that have exited (read from the households read model by its JPQL name). */
    @QueryHandler
    @Transactional(readOnly = true)
    public List<String> handle(FindExitedHouseholdsQuery query) {
        List<String> exited = new ArrayList<>();
        for (List<String> chunk : chunks(query.cardNos())) {
            exited.addAll(entityManager.createQuery("select h.cardNo from HouseholdEntity h"
                            + " where h.cardNo in :cardNos and h.status = :exited", String.class)
                    .setParameter("cardNos", chunk).setParameter("exited", HouseholdStatus.EXITED).getResultList());
        }
        return exited;
    }

    /** The items of a notice's rows, read from its published JSON. */
    private static List<String> itemsOf(byte[] published) {
        try {
            List<String> items = new ArrayList<>();
            for (JsonNode row : JSON.readTree(published).path("rows")) {
                items.add(row.path("item").asText());
            }
            return items;
        } catch (IOException e) {
            throw new IllegalStateException("a published notice's bytes do not read as JSON", e);
        }
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)));
        }
        return chunks;
    }
}
