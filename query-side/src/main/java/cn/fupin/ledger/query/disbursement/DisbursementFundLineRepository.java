package cn.fupin.ledger.query.disbursement;

import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DisbursementFundLineRepository extends JpaRepository<DisbursementFundLineEntity, String> {

    /** The fund lines of the disbursements {@link DisbursementRepository#find} finds with the same filters. */
    @Query("select l from DisbursementFundLineEntity l join DisbursementEntity d on d.disbursementId = l.disbursementId"
            + " where (:project is null or d.projectId = :project) and (:village is null or d.villageCode = :village)"
            + " and (:card is null or d.cardNo = :card) and (:status is null or d.status = :status)"
            + " and (:township is null or d.townshipCode = :township)"
            + " order by l.disbursementId, l.lineNo")
    List<DisbursementFundLineEntity> find(String project, String village, String card, DisbursementStatus status,
                                          String township);
}
