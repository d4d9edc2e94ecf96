package cn.fupin.ledger.query.fund;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppropriationRepository extends JpaRepository<AppropriationEntity, String> {

    List<AppropriationEntity> findByFiscalYearOrderByRecordedAtAscAppropriationIdAsc(int fiscalYear);

    List<AppropriationEntity> findAllByOrderByRecordedAtAscAppropriationIdAsc();
}
