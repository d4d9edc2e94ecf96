package cn.fupin.ledger.query.household;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HouseholdGrantRepository extends JpaRepository<HouseholdGrantEntity, String> {

    List<HouseholdGrantEntity> findByCardNoOrderByRequestedAtAscDisbursementIdAsc(String cardNo);
}
