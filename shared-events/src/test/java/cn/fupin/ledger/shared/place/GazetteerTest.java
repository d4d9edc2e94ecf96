package cn.fupin.ledger.shared.place;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GazetteerTest {

    static Gazetteer cangxi;

    @BeforeAll
    static void read() {
        cangxi = Gazetteer.forCounty("510824");
    }

    @Test
    void theCountyIsCangxi() {
        assertThat(cangxi.county()).isEqualTo(new Place("510824", "苍溪县", "5108", Place.Level.COUNTY));
    }

    @Test
    void cangxiHasThirtyFourTownshipsAndFourHundredFiftySevenVillages() {
        assertThat(cangxi.townships()).hasSize(34);
        assertThat(cangxi.villageCount()).isEqualTo(457);
    }

    @Test
    void everyVillageBelongsToOneOfTheTownships() {
        int villagesOfTownships = cangxi.townships().stream().mapToInt(t -> cangxi.villagesOf(t.code()).size()).sum();

        assertThat(villagesOfTownships).isEqualTo(457);
    }

    @Test
    void townshipsComeInTheOrderOfTheirCodes() {
        List<Place> townships = cangxi.townships();

        assertThat(townships.get(0).code()).isEqualTo("510824100");
        assertThat(townships.get(townships.size() - 1).code()).isEqualTo("510824402");
        assertThat(townships).extracting(Place::code).isSorted();
    }

    @Test
    void findsLingjiangTownByItsCode() {
        assertThat(cangxi.township("510824100"))
                .contains(new Place("510824100", "陵江镇", "510824", Place.Level.TOWNSHIP));
    }

    @Test
    void findsAVillageByItsCode() {
        assertThat(cangxi.village("510824100001"))
                .contains(new Place("510824100001", "金穗社区居民委员会", "510824100", Place.Level.VILLAGE));
        assertThat(cangxi.hasVillage("510824100001")).isTrue();
    }

    @Test
    void listsTheVillagesOfATownshipInTheOrderOfTheirCodes() {
        List<Place> villages = cangxi.villagesOf("510824100");

        assertThat(villages).hasSize(41);
        assertThat(villages.get(0).name()).isEqualTo("金穗社区居民委员会");
        assertThat(villages.get(villages.size() - 1)).isEqualTo(
                new Place("510824100260", "船山村村民委员会", "510824100", Place.Level.VILLAGE));
        assertThat(villages).allSatisfy(v -> assertThat(v.parentCode()).isEqualTo("510824100"));
        assertThat(villages).extracting(Place::code).isSorted();
    }

    @Test
    void readsTheCarriageReturnsOfTheFileAsLineEndsNotAsPartOfNames() {
        // The shipped file has CRLF line ends: a name ending in \r would never match the name on a screen.
        assertThat(cangxi.townships()).allSatisfy(t -> assertThat(t.name()).doesNotContain("\r").isEqualTo(t.name().strip()));
        assertThat(cangxi.villagesOf("510824402")).singleElement()
                .satisfies(v -> assertThat(v.name()).isEqualTo("苍溪县良种场虚拟生活区"));
    }

    @Nested
    class KnowsNothingOf {

        @Test
        void aVillageOutsideTheCounty() {
            assertThat(cangxi.village("510824100999")).isEmpty();
            assertThat(cangxi.hasVillage("510824100999")).isFalse();
            assertThat(cangxi.hasVillage("510821100001")).isFalse();
        }

        @Test
        void aTownshipCodeAskedForAsAVillage() {
            assertThat(cangxi.hasVillage("510824100")).isFalse();
            assertThat(cangxi.township("510824100001")).isEmpty();
        }

        @Test
        void theVillagesOfAnUnknownTownship() {
            assertThat(cangxi.villagesOf("510824999")).isEmpty();
        }

        @Test
        void aCountyOfAProvinceThatIsNotShipped() {
            assertThatThrownBy(() -> Gazetteer.forCounty("110101"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("110101")
                    .hasMessageContaining("51-sichuan.csv");
        }

        @Test
        void aCodeOfSichuanThatIsNoCounty() {
            assertThatThrownBy(() -> Gazetteer.forCounty("510899"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("510899");
            assertThatThrownBy(() -> Gazetteer.forCounty("510800")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aCodeThatIsNotSixDigits() {
            assertThatThrownBy(() -> Gazetteer.forCounty("51082")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Gazetteer.forCounty("510824100")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Gazetteer.forCounty(null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class AnyCountyOfSichuan {

        @Test
        void lizhouDistrictOfGuangyuanHasItsOwnTownshipsAndVillages() {
            Gazetteer lizhou = Gazetteer.forCounty("510802");

            assertThat(lizhou.county()).isEqualTo(new Place("510802", "利州区", "5108", Place.Level.COUNTY));
            assertThat(lizhou.townships()).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.parentCode()).isEqualTo("510802"));
            assertThat(lizhou.villageCount()).isPositive();
            assertThat(lizhou.hasVillage("510824100001")).isFalse();
            assertThat(lizhou.township("510824100")).isEmpty();
        }

        @Test
        void everyCountyOfTheProvinceFileCanBeServed() throws Exception {
            java.util.List<String> counties;
            try (var in = Gazetteer.class.getResourceAsStream("/gazetteer/51-sichuan.csv");
                 var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
                counties = reader.lines().map(String::strip).filter(line -> line.endsWith(",county"))
                        .map(line -> line.substring(0, 6)).toList();
            }

            assertThat(counties).hasSize(183);
            int villages = 0;
            for (String code : counties) {
                Gazetteer county = Gazetteer.forCounty(code);
                assertThat(county.county().code()).isEqualTo(code);
                assertThat(county.townships()).as("townships of %s", code).isNotEmpty();
                villages += county.villageCount();
            }
            assertThat(villages).isEqualTo(34412);
        }
    }

    @Test
    void itsListsCannotBeChanged() {
        assertThatThrownBy(() -> cangxi.townships().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> cangxi.villagesOf("510824100").clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Nested
    class Parsing {

        @Test
        void readsCrlfLinesAndSkipsBlankOnes() throws Exception {
            String text = "code,name,parentCode,level\r\n"
                    + "510824,苍溪县,5108,county\r\n"
                    + "\r\n"
                    + "510824100,陵江镇,510824,township\r\n"
                    + "510824100001,金穗社区居民委员会,510824100,village\r\n";

            Gazetteer gazetteer = Gazetteer.parse("510824", utf8(text));

            assertThat(gazetteer.townships()).extracting(Place::name).containsExactly("陵江镇");
            assertThat(gazetteer.villagesOf("510824100")).extracting(Place::code).containsExactly("510824100001");
        }

        @Test
        void refusesAFileWithoutTheCounty() {
            String text = "code,name,parentCode,level\n510802,利州区,5108,county\n";

            assertThatThrownBy(() -> Gazetteer.parse("510824", utf8(text)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("510824");
        }

        @Test
        void takesOnlyTheCountysOwnPlacesFromAProvinceFile() throws Exception {
            String text = "code,name,parentCode,level\n"
                    + "51,四川省,,province\n"
                    + "5108,广元市,51,city\n"
                    + "510802,利州区,5108,county\n"
                    + "510824,苍溪县,5108,county\n"
                    + "510802001,东坝街道,510802,township\n"
                    + "510824100,陵江镇,510824,township\n"
                    + "510802001001,某社区,510802001,village\n"
                    + "510824100001,金穗社区居民委员会,510824100,village\n";

            Gazetteer gazetteer = Gazetteer.parse("510824", utf8(text));

            assertThat(gazetteer.county().name()).isEqualTo("苍溪县");
            assertThat(gazetteer.townships()).extracting(Place::code).containsExactly("510824100");
            assertThat(gazetteer.villagesOf("510824100")).extracting(Place::code).containsExactly("510824100001");
            assertThat(gazetteer.villageCount()).isEqualTo(1);
        }

        @Test
        void refusesAFileWithAnotherHeader() {
            String text = "code,name,parent,level\n510824,苍溪县,5108,county\n";

            assertThatThrownBy(() -> Gazetteer.parse("510824", utf8(text))).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void refusesALineWithoutFourCells() {
            String text = "code,name,parentCode,level\n510824,苍溪县,county\n";

            assertThatThrownBy(() -> Gazetteer.parse("510824", utf8(text))).isInstanceOf(IllegalStateException.class);
        }

        private ByteArrayInputStream utf8(String text) {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
