package cn.fupin.ledger.query.fund;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppropriationRepository extends JpaRepository<AppropriationEntity, String> {

    /**
     * The appropriations of the fiscal year given (a {@code null} year matches every one), oldest first (recording
     * time, then id), after ({@code afterAt}, {@code afterId}) in that order when given, at most {@code limit}: a
     * keyset page, read along {@code idx_appropriation_view_year} or, for every year, {@code
     * idx_appropriation_view_recorded} (V21).
     */
    @Query("select a from AppropriationEntity a where (:fiscalYear is null or a.fiscalYear = :fiscalYear)"
            + " and (:afterAt is null or a.recordedAt > :afterAt"
            + " or (a.recordedAt = :afterAt and a.appropriationId > :afterId))"
            + " order by a.recordedAt, a.appropriationId")
    List<AppropriationEntity> find(Integer fiscalYear, Instant afterAt, String afterId, Limit limit);
}
