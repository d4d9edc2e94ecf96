package cn.fupin.ledger.query.disbursement;

import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DisbursementRepository extends JpaRepository<DisbursementEntity, String> {

    /**
     * Disbursements matching every filter given ({@code null} matches any), in the order they were requested (request
     * time, then id), after ({@code afterAt}, {@code afterId}) when given, at most {@code limit}; each with its payee's
     * head name where the household is known (else {@code null}). A keyset page: its cost does not grow with the
     * pages before it.
     */
    @Query("select d, n.headName from DisbursementEntity d left join PayeeNameEntity n on n.cardNo = d.cardNo"
            + " where (:project is null or d.projectId = :project) and (:village is null or d.villageCode = :village)"
            + " and (:card is null or d.cardNo = :card) and (:status is null or d.status = :status)"
            + " and (:township is null or d.townshipCode = :township)"
            + " and (:afterAt is null or d.requestedAt > :afterAt"
            + " or (d.requestedAt = :afterAt and d.disbursementId > :afterId))"
            + " order by d.requestedAt, d.disbursementId")
    List<Object[]> find(String project, String village, String card, DisbursementStatus status, String township,
                        Instant afterAt, String afterId, Limit limit);
}
