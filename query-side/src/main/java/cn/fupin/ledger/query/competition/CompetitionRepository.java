package cn.fupin.ledger.query.competition;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CompetitionRepository extends JpaRepository<CompetitionEntity, String> {

    List<CompetitionEntity> findByFiscalYearOrderByCompetitionIdAsc(int fiscalYear);

    List<CompetitionEntity> findAllByOrderByFiscalYearAscCompetitionIdAsc();
}
