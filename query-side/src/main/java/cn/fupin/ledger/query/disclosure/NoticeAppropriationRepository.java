package cn.fupin.ledger.query.disclosure;

import org.springframework.data.jpa.repository.JpaRepository;

interface NoticeAppropriationRepository extends JpaRepository<NoticeAppropriationEntity, String> {
}
