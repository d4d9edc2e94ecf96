package cn.fupin.ledger.query.coverage;

import org.springframework.data.jpa.repository.JpaRepository;

interface CoverageGrantRepository extends JpaRepository<CoverageGrantEntity, String> {
}
