package cn.fupin.ledger.query.competition;

import org.springframework.data.jpa.repository.JpaRepository;

interface CompetitionProjectNameRepository extends JpaRepository<CompetitionProjectNameEntity, String> {
}
