package cn.fupin.ledger.shared.common;

import cn.fupin.ledger.shared.competition.CompetitionId;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.GrantBatchId;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.ObjectionId;
import cn.fupin.ledger.shared.place.TownshipCode;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.project.ProjectId;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdSpaceTest {

    @Test
    void noSpacesPrefixBeginsAnothers() {
        for (IdSpace one : IdSpace.values()) {
            for (IdSpace other : IdSpace.values()) {
                if (one != other) {
                    assertThat(other.prefix()).as("%s and %s", one, other).doesNotStartWith(one.prefix());
                }
            }
        }
    }

    @Test
    void placesAreKeptInStreamsOfTheirOwnSpace() {
        assertThat(new VillageCode("510824100001").streamId()).isEqualTo("VIL-510824100001");
        assertThat(new TownshipCode("510824100").streamId()).isEqualTo("TWN-510824100");
        assertThat(IdSpace.ofPrefix("VIL-510824100001")).contains(IdSpace.VILLAGE);
        assertThat(IdSpace.ofPrefix("510824100001")).isEmpty();
    }

    @Test
    void theLedgersOwnIdsCarryTheirPrefixInTheirValue() {
        assertThatThrownBy(() -> IdSpace.PROJECT.streamId("PRJ-1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IdSpace.HOUSEHOLD.streamId(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> typedIds() {
        return Stream.of(
                Arguments.of(IdSpace.PROJECT, (Function<String, Object>) ProjectId::new),
                Arguments.of(IdSpace.DISBURSEMENT, (Function<String, Object>) DisbursementId::new),
                Arguments.of(IdSpace.GRANT_BATCH, (Function<String, Object>) GrantBatchId::new),
                Arguments.of(IdSpace.COMPETITION, (Function<String, Object>) CompetitionId::new),
                Arguments.of(IdSpace.NOTICE, (Function<String, Object>) NoticeId::new),
                Arguments.of(IdSpace.OBJECTION, (Function<String, Object>) ObjectionId::new));
    }

    @ParameterizedTest
    @MethodSource("typedIds")
    void aTypedIdTakesOnlyItsOwnSpace(IdSpace space, Function<String, Object> parse) {
        String id = space.prefix() + "510824-0f8fad5b-d9cb-469f-a165-70867728950e";
        assertThat(parse.apply(id)).hasToString(id);
        for (IdSpace other : IdSpace.values()) {
            if (other != space) {
                String foreign = other.prefix() + "510824-0f8fad5b-d9cb-469f-a165-70867728950e";
                assertThatThrownBy(() -> parse.apply(foreign)).as("%s as %s", other, space)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
