package cn.fupin.ledger.query.project;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProjectStepRepository extends JpaRepository<ProjectStepEntity, String> {

    List<ProjectStepEntity> findByProjectIdInOrderByProjectIdAscSequenceNumberAsc(Collection<String> projectIds);

    /**
     * {project id, payments paid} of each of the projects with a payment step: approved payments ({@code PAID}) less
     * reversed ones, counted by the database along the steps' index, so no step is read into memory.
     */
    @Query("select s.projectId, sum(case when s.step = 'PAID' then 1 else -1 end) from ProjectStepEntity s"
            + " where s.projectId in :projectIds and s.step in ('PAID', 'PAYMENT_REVERSED') group by s.projectId")
    List<Object[]> paidPayments(Collection<String> projectIds);
}
