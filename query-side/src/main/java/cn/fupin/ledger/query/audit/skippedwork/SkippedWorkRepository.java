package cn.fupin.ledger.query.audit.skippedwork;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SkippedWorkRepository extends JpaRepository<SkippedWorkEntity, String> {

    List<SkippedWorkEntity> findAllByOrderBySkippedAtAscNoticeIdAsc();

    List<SkippedWorkEntity> findByStatusOrderBySkippedAtAscNoticeIdAsc(String status);

    long countByStatus(String status);
}
