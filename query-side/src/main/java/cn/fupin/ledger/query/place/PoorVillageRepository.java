package cn.fupin.ledger.query.place;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PoorVillageRepository extends JpaRepository<PoorVillageEntity, String> {

    List<PoorVillageEntity> findAllByOrderByVillageCodeAscYearAsc();
}
