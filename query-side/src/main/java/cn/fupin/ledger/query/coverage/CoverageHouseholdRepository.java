package cn.fupin.ledger.query.coverage;

import jakarta.persistence.QueryHint;
import java.util.List;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface CoverageHouseholdRepository extends JpaRepository<CoverageHouseholdEntity, String> {

    /**
     * {registered households, those of them with a paid unreversed grant, the fen of those grants} of one village. The
     * projection counts one village again after each change with it, through the index on the village; answers add up
     * those counts ({@link CoverageVillageRepository}). The village is a plain equality on purpose: the form
     * {@code (:village is null or h.villageCode = :village)} made H2 read every household of the register for each
     * count, and a rebuild of the read model over a 30,000-household register spent 80 % of its time there (JFR,
     * docs/performance.md). Asked without a flush of its own: the projection flushes the batch once before it counts
     * its villages (a flush before each count walked every entity the batch holds, once per village).
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("select count(distinct h.cardNo), count(distinct g.cardNo), coalesce(sum(g.amountFen), 0)"
            + " from CoverageHouseholdEntity h left join CoverageGrantEntity g"
            + " on g.cardNo = h.cardNo and g.reversed = false"
            + " where h.villageCode = :village and h.registered = true")
    List<Object[]> villageCoverage(String village);

}
