package cn.fupin.ledger.query.project;

import cn.fupin.ledger.shared.project.ProjectStatus;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;

interface ProjectRepository extends JpaRepository<ProjectEntity, String> {

    /**
     * Projects matching every filter given (a {@code null} filter matches any), in the order of their ids, after
     * {@code afterId} when given, at most {@code limit}: a keyset page.
     */
    @Query("select p from ProjectEntity p where (:township is null or p.townshipCode = :township)"
            + " and (:village is null or p.villageCode = :village) and (:status is null or p.status = :status)"
            + " and (:afterId is null or p.projectId > :afterId)"
            + " order by p.projectId")
    List<ProjectEntity> find(String township, String village, ProjectStatus status, String afterId, Limit limit);

    /** The projects starting on or after {@code from} and before {@code until}, by start date, then id. */
    @Query("select p from ProjectEntity p where p.startDate >= :from and p.startDate < :until"
            + " order by p.startDate, p.projectId")
    List<ProjectEntity> findStartingBetween(LocalDate from, LocalDate until);

    /**
     * Every start date of an approved project (one approved at some time: the public pages show it from then on),
     * once each; the years are taken from them, since a date reads the same on both databases.
     */
    @Query("select distinct p.startDate from ProjectEntity p where p.startDate is not null"
            + " and p.approvalDocNo is not null")
    List<LocalDate> startDates();

    /** The projects of a township or a village (a {@code null} filter matches any), in the order of their ids. */
    @Query("select p from ProjectEntity p where (:township is null or p.townshipCode = :township)"
            + " and (:village is null or p.villageCode = :village) order by p.projectId")
    List<ProjectEntity> findOfPlace(String township, String village);

    /** The projects with these ids, in the order of their ids. */
    List<ProjectEntity> findByProjectIdInOrderByProjectId(Collection<String> projectIds);
}
