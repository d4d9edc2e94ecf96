package cn.fupin.ledger.query.disclosure;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NoticeRepository extends JpaRepository<NoticeEntity, String> {

    List<NoticeEntity> findByLevelAndPlaceCodeOrderByPublishedAtDescNoticeIdAsc(String level, String placeCode);

    List<NoticeEntity> findByLevelOrderByPublishedAtDescNoticeIdAsc(String level);

    List<NoticeEntity> findByPlaceCodeOrderByPublishedAtDescNoticeIdAsc(String placeCode);

    List<NoticeEntity> findAllByOrderByPublishedAtDescNoticeIdAsc();
}
