package cn.fupin.ledger.query.disbursement;

import org.springframework.data.jpa.repository.JpaRepository;

interface PayeeNameRepository extends JpaRepository<PayeeNameEntity, String> {
}
