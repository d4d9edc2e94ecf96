package cn.fupin.ledger.query.household;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HouseholdStatusChangeRepository extends JpaRepository<HouseholdStatusChangeEntity, String> {

    List<HouseholdStatusChangeEntity> findByCardNoOrderBySequenceNumberAsc(String cardNo);
}
