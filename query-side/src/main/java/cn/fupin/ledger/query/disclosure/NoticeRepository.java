package cn.fupin.ledger.query.disclosure;

import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NoticeRepository extends JpaRepository<NoticeEntity, String> {

    /**
     * Notices of the level and place given (a {@code null} filter matches any), newest first (publication time
     * descending, then id), after ({@code afterAt}, {@code afterId}) in that order when given, at most {@code limit}:
     * a keyset page, read along the V21 indexes ({@code published_at DESC, notice_id}).
     */
    @Query("select n from NoticeEntity n where (:level is null or n.level = :level)"
            + " and (:placeCode is null or n.placeCode = :placeCode)"
            + " and (:afterAt is null or n.publishedAt < :afterAt"
            + " or (n.publishedAt = :afterAt and n.noticeId > :afterId))"
            + " order by n.publishedAt desc, n.noticeId asc")
    List<NoticeEntity> find(String level, String placeCode, Instant afterAt, String afterId, Limit limit);

    /**
     * The same keyset page of one level and place, as summaries: the columns a list shows, never the published bytes
     * (a {@code @Lob} column is read with its entity, so the entity is not read at all).
     */
    @Query("select new cn.fupin.ledger.shared.disclosure.NoticeSummaryView(n.noticeId, n.title, n.kindName,"
            + " n.publishedAt, n.periodStart, n.periodEnd, n.supersededBy, n.listTownship, n.listVillage, n.listProject,"
            + " n.listAmount) from NoticeEntity n"
            + " where n.level = :level and n.placeCode = :placeCode"
            + " and (:afterAt is null or n.publishedAt < :afterAt"
            + " or (n.publishedAt = :afterAt and n.noticeId > :afterId))"
            + " order by n.publishedAt desc, n.noticeId asc")
    List<NoticeSummaryView> findSummaries(String level, String placeCode, Instant afterAt, String afterId, Limit limit);
}
