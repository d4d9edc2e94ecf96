package cn.fupin.ledger.ops.disclosure;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ReadModelProgress#processed}: has a segment at this token processed the committed event at a position? */
class ReadModelProgressTest {

    @Test
    void aTokenAtOrBeyondThePositionHasProcessedIt() {
        assertThat(ReadModelProgress.processed(GapAwareTrackingToken.newInstance(10, List.of()), 10)).isTrue();
        assertThat(ReadModelProgress.processed(GapAwareTrackingToken.newInstance(12, List.of()), 10)).isTrue();
    }

    @Test
    void aTokenBeforeThePositionHasNot() {
        assertThat(ReadModelProgress.processed(GapAwareTrackingToken.newInstance(9, List.of()), 10)).isFalse();
    }

    @Test
    void aTokenThatHoldsThePositionAsAGapHasNot() {
        assertThat(ReadModelProgress.processed(GapAwareTrackingToken.newInstance(12, List.of(10L)), 10)).isFalse();
    }

    @Test
    void anotherTransactionsGapBelowThePositionDoesNotHoldItUp() {
        assertThat(ReadModelProgress.processed(GapAwareTrackingToken.newInstance(12, List.of(7L, 11L)), 10)).isTrue();
    }

    @Test
    void aReplayCountsByWhereItHasGot() {
        ReplayToken replaying = (ReplayToken) ReplayToken.createReplayToken(
                GapAwareTrackingToken.newInstance(20, List.of()), GapAwareTrackingToken.newInstance(5, List.of()));

        assertThat(ReadModelProgress.processed(replaying, 10)).isFalse();
        assertThat(ReadModelProgress.processed(replaying, 5)).isTrue();
    }

    @Test
    void otherTokensCountByPosition() {
        assertThat(ReadModelProgress.processed(new GlobalSequenceTrackingToken(10), 10)).isTrue();
        assertThat(ReadModelProgress.processed(new GlobalSequenceTrackingToken(9), 10)).isFalse();
        assertThat(ReadModelProgress.processed(null, 10)).isFalse();
    }
}
