package cn.fupin.ledger.query.assessment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TownshipAssessmentRepository extends JpaRepository<TownshipAssessmentEntity, String> {

    /** Assessments of the township and the year where given ({@code null} matches any), in the order recorded. */
    @Query("select a from TownshipAssessmentEntity a where (:township is null or a.townshipCode = :township)"
            + " and (:year is null or a.year = :year) order by a.townshipCode, a.year, a.sequenceNumber")
    List<TownshipAssessmentEntity> find(String township, Integer year);
}
