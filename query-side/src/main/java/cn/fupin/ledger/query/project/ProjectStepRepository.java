package cn.fupin.ledger.query.project;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectStepRepository extends JpaRepository<ProjectStepEntity, String> {

    List<ProjectStepEntity> findByProjectIdInOrderByProjectIdAscSequenceNumberAsc(Collection<String> projectIds);
}
