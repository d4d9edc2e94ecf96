package cn.fupin.ledger.query.household;

import org.springframework.data.jpa.repository.JpaRepository;

interface HouseholdRepository extends JpaRepository<HouseholdEntity, String> {

    java.util.List<HouseholdEntity> findByVillageCodeOrderByCardNo(String villageCode);
}
