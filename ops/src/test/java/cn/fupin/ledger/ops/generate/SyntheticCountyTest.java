package cn.fupin.ledger.ops.generate;

import cn.fupin.ledger.shared.household.IdNumber;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The invented part of a generated county: decided by the seed alone, in the gazetteer's places, valid numbers. */
class SyntheticCountyTest {

    private static final Gazetteer CANGXI = Gazetteer.forCounty("510824");

    private static SyntheticCounty county(int households, long seed) {
        return SyntheticCounty.of(CANGXI, new GeneratorOptions(households, 5, seed, 2015, false), new Random(seed));
    }

    private static List<String> rows(SyntheticCounty county) {
        return county.households.stream().map(h -> h.row).toList();
    }

    @Test
    void theSameSeedMakesTheSameCountyAndAnotherSeedAnotherOne() {
        assertThat(rows(county(500, 42))).isEqualTo(rows(county(500, 42)));
        assertThat(county(500, 42).poorVillages).isEqualTo(county(500, 42).poorVillages);
        assertThat(rows(county(500, 43))).isNotEqualTo(rows(county(500, 42)));
    }

    @Test
    void aboutAThirdOfTheRuralVillagesArePoorAndMostHouseholdsLiveInThem() {
        SyntheticCounty county = county(3_000, 42);
        double poorShare = (double) county.poorVillages.size() / county.ruralVillages.size();
        assertThat(poorShare).isBetween(0.25, 0.42);
        long inPoor = county.households.stream().filter(h -> county.poorVillages.contains(h.villageCode)).count();
        assertThat(inPoor).isBetween(1_900L, 2_400L);
        for (Place township : CANGXI.townships()) {
            assertThat(CANGXI.villagesOf(township.code())).isNotEmpty();
        }
    }

    @Test
    void everyHouseholdHasItsOwnCardIdNumberAndBankCardAndSomeAreMigrantsOrArriveLater() {
        SyntheticCounty county = county(3_000, 42);
        Set<String> cards = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Set<String> banks = new HashSet<>();
        for (SyntheticCounty.Household household : county.households) {
            String[] cells = household.row.strip().split(",");
            assertThat(cards.add(cells[0])).isTrue();
            assertThat(ids.add(cells[2])).isTrue();
            assertThat(banks.add(cells[6])).isTrue();
            IdNumber.parse(cells[2]);
            assertThat(CANGXI.hasVillage(cells[3])).isTrue();
        }
        assertThat(county.households.stream().filter(h -> h.row.contains(",true,")).count()).isBetween(250L, 500L);
        assertThat(county.households.stream().filter(h -> h.importYear > 2015).count()).isEqualTo(90L);
    }

    @Test
    void aFullSizeRunHasAboutTwoThousandProjectsAndASmallOneAtLeastFourAYear() {
        assertThat(new GeneratorOptions(30_000, 5, 42, 2015, true).projects()).isEqualTo(2_000);
        assertThat(new GeneratorOptions(3_000, 2, 42, 2015, true).projects()).isEqualTo(80);
        assertThat(new GeneratorOptions(40, 1, 42, 2015, true).projects()).isEqualTo(4);
    }
}
