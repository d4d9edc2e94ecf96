package cn.fupin.ledger.query.disbursement;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DisbursementFundLineRepository extends JpaRepository<DisbursementFundLineEntity, String> {

    /** The fund lines of these disbursements, in order. */
    @Query("select l from DisbursementFundLineEntity l where l.disbursementId in :ids order by l.disbursementId, l.lineNo")
    List<DisbursementFundLineEntity> findByDisbursementIds(Collection<String> ids);
}
