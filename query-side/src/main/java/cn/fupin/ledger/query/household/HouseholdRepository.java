package cn.fupin.ledger.query.household;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HouseholdRepository extends JpaRepository<HouseholdEntity, String> {

    List<HouseholdEntity> findByVillageCodeOrderByCardNo(String villageCode);

    /**
     * A page of the register in card number order after {@code after}: each criterion applies only when given
     * ({@code cardNo} a prefix, {@code headName} a part of the name, both with LIKE's wildcards escaped by the caller).
     */
    @Query("select h from HouseholdEntity h"
            + " where (:cardNo is null or h.cardNo like concat(:cardNo, '%') escape '!')"
            + " and (:headName is null or h.headName like concat('%', :headName, '%') escape '!')"
            + " and (:villageCode is null or h.villageCode = :villageCode)"
            + " and (:after is null or h.cardNo > :after)"
            + " order by h.cardNo")
    List<HouseholdEntity> search(@Param("cardNo") String cardNo, @Param("headName") String headName,
                                 @Param("villageCode") String villageCode, @Param("after") String after,
                                 Pageable page);
}
