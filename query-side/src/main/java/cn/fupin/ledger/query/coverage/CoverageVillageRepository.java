package cn.fupin.ledger.query.coverage;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CoverageVillageRepository extends JpaRepository<CoverageVillageEntity, String> {

    /**
     * {registered households, those with a paid unreversed grant, the fen of those grants} of the township or village
     * given ({@code null} for any: the whole county), added up over its villages.
     */
    @Query("select coalesce(sum(v.registered), 0), coalesce(sum(v.granted), 0), coalesce(sum(v.grantedFen), 0)"
            + " from CoverageVillageEntity v where (:township is null or v.townshipCode = :township)"
            + " and (:village is null or v.villageCode = :village)")
    List<Object[]> coverage(String township, String village);

    /** {township code, registered, granted, granted fen} of every township with a counted village. */
    @Query("select v.townshipCode, sum(v.registered), sum(v.granted), sum(v.grantedFen)"
            + " from CoverageVillageEntity v group by v.townshipCode")
    List<Object[]> coverageByTownship();

    /** The counted villages of a township (a village with no household registered yet has no row). */
    List<CoverageVillageEntity> findByTownshipCode(String townshipCode);
}
