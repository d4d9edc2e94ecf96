package cn.fupin.ledger.query.competition;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CompetitionProposalRepository extends JpaRepository<CompetitionProposalEntity, String> {

    List<CompetitionProposalEntity> findByCompetitionIdOrderBySubmittedAtAscProjectIdAsc(String competitionId);
}
