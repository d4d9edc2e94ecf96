package cn.fupin.ledger.shared.place;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VillageCodeTest {

    @Test
    void aVillageBelongsToTheTownshipOfItsFirstNineDigits() {
        VillageCode village = new VillageCode("510824100001");

        assertThat(village.township()).isEqualTo(new TownshipCode("510824100"));
        assertThat(village.township().countyCode()).isEqualTo("510824");
        assertThat(village).hasToString("510824100001");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"51082410000", "5108241000011", "51082410000A", " 510824100001", "５１０８２４１００００１"})
    void refusesAVillageCodeThatIsNotTwelveDigits(String value) {
        assertThatThrownBy(() -> new VillageCode(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a village code has 12 digits");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"51082410", "5108241000", "51082410A"})
    void refusesATownshipCodeThatIsNotNineDigits(String value) {
        assertThatThrownBy(() -> new TownshipCode(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a township code has 9 digits");
    }
}
