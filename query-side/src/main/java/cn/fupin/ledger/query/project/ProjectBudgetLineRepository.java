package cn.fupin.ledger.query.project;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectBudgetLineRepository extends JpaRepository<ProjectBudgetLineEntity, String> {

    List<ProjectBudgetLineEntity> findByProjectIdInOrderByProjectIdAscLineNoAsc(Collection<String> projectIds);
}
