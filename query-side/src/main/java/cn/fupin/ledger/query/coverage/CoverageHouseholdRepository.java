package cn.fupin.ledger.query.coverage;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CoverageHouseholdRepository extends JpaRepository<CoverageHouseholdEntity, String> {

    /**
     * {registered households, those of them with a paid unreversed grant, the fen of those grants} of the township
     * or village given ({@code null} for any: the whole county). The projection counts one village at a time with it
     * (an index on the village); answers add up those counts ({@link CoverageVillageRepository}).
     */
    @Query("select count(distinct h.cardNo), count(distinct g.cardNo), coalesce(sum(g.amountFen), 0)"
            + " from CoverageHouseholdEntity h left join CoverageGrantEntity g"
            + " on g.cardNo = h.cardNo and g.reversed = false"
            + " where h.registered = true and (:township is null or h.townshipCode = :township)"
            + " and (:village is null or h.villageCode = :village)")
    List<Object[]> coverage(String township, String village);

}
