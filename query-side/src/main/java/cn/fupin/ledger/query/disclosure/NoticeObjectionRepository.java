package cn.fupin.ledger.query.disclosure;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NoticeObjectionRepository extends JpaRepository<NoticeObjectionEntity, String> {

    List<NoticeObjectionEntity> findByNoticeIdOrderByReceivedAtAscObjectionIdAsc(String noticeId);

    List<NoticeObjectionEntity> findByNoticeIdInOrderByReceivedAtAscObjectionIdAsc(Collection<String> noticeIds);
}
