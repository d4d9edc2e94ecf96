package cn.fupin.ledger.query.coverage;

import cn.fupin.ledger.shared.disbursement.FindGrantCoverageQuery;
import cn.fupin.ledger.shared.disbursement.FindTownshipGrantCoverageQuery;
import cn.fupin.ledger.shared.disbursement.FindVillageGrantCoverageQuery;
import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers start-up grant coverage of the county, a township or a village of the ledger's gazetteer; a place outside
 * it has no answer. One query per answer, over at most one row per village (the projection keeps each village's
 * counts), so an answer costs the same however large the register grows.
 */
@Component
class CoverageQueries {

    static final String COUNTY = "COUNTY";
    static final String TOWNSHIP = "TOWNSHIP";
    static final String VILLAGE = "VILLAGE";

    private final CoverageVillageRepository villages;
    private final Gazetteer gazetteer;

    CoverageQueries(CoverageVillageRepository villages, Gazetteer gazetteer) {
        this.villages = villages;
        this.gazetteer = gazetteer;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<GrantCoverageView> handle(FindGrantCoverageQuery query) {
        String level = query.level() == null ? COUNTY : query.level().toUpperCase(Locale.ROOT);
        return switch (level) {
            case COUNTY -> query.code() == null || query.code().equals(gazetteer.county().code())
                    ? Optional.of(coverage(COUNTY, gazetteer.county(), null, null))
                    : Optional.empty();
            case TOWNSHIP -> gazetteer.township(query.code())
                    .map(township -> coverage(TOWNSHIP, township, township.code(), null));
            case VILLAGE -> gazetteer.village(query.code())
                    .map(village -> coverage(VILLAGE, village, null, village.code()));
            default -> Optional.empty();
        };
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public List<GrantCoverageView> handle(FindTownshipGrantCoverageQuery query) {
        if (query.countyCode() != null && !query.countyCode().equals(gazetteer.county().code())) {
            return List.of();
        }
        Map<String, long[]> counted = new HashMap<>();
        for (Object[] row : villages.coverageByTownship()) {
            counted.put((String) row[0], new long[] {number(row[1]), number(row[2]), number(row[3])});
        }
        return gazetteer.townships().stream()
                .map(township -> {
                    long[] counts = counted.getOrDefault(township.code(), new long[3]);
                    return new GrantCoverageView(TOWNSHIP, township.code(), township.name(), counts[0], counts[1],
                            counts[2]);
                })
                .toList();
    }

    /** Every village of a township, from one query over the township's rows (a village without one counts zero). */
    @QueryHandler
    @Transactional(readOnly = true)
    public List<GrantCoverageView> handle(FindVillageGrantCoverageQuery query) {
        if (query.townshipCode() == null || gazetteer.township(query.townshipCode()).isEmpty()) {
            return List.of();
        }
        Map<String, CoverageVillageEntity> counted = new HashMap<>();
        villages.findByTownshipCode(query.townshipCode()).forEach(village -> counted.put(village.villageCode(), village));
        return gazetteer.villagesOf(query.townshipCode()).stream()
                .map(village -> {
                    CoverageVillageEntity counts = counted.get(village.code());
                    return counts == null ? new GrantCoverageView(VILLAGE, village.code(), village.name(), 0, 0, 0)
                            : new GrantCoverageView(VILLAGE, village.code(), village.name(), counts.registered(),
                            counts.granted(), counts.grantedFen());
                })
                .toList();
    }

    private GrantCoverageView coverage(String level, Place place, String townshipCode, String villageCode) {
        Object[] counts = villages.coverage(townshipCode, villageCode).get(0);
        return new GrantCoverageView(level, place.code(), place.name(), number(counts[0]), number(counts[1]),
                number(counts[2]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
