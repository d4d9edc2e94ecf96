package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionFiledEvent;
import cn.fupin.ledger.shared.redflag.RedFlagReviewedEvent;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine over a store the test controls: it feeds each event to the rules once, picks up an event that commits
 * late into a gap it passed, and shows a finding's latest review.
 */
class RedFlagEngineTest {

    private final TreeMap<Long, LedgerEvent> store = new TreeMap<>();
    private final List<Long> fed = new ArrayList<>();
    private final RedFlagEngine engine = new RedFlagEngine(this::walk, () -> store.isEmpty() ? -1 : store.lastKey(),
            Clock.fixed(History.day(100), ZoneOffset.UTC), List.of(new CountingRule()));

    /** The rule about ignored objections, counting what it is fed. */
    private final class CountingRule implements RedFlagRule {

        private final RedFlagRule rule = new ObjectionIgnoredRule(RedFlagSettings.defaults());

        @Override
        public String rule() {
            return rule.rule();
        }

        @Override
        public void accept(LedgerEvent event) {
            fed.add(event.globalIndex());
            rule.accept(event);
        }

        @Override
        public List<Finding> findings(java.time.Instant now) {
            return rule.findings(now);
        }
    }

    private long walk(long after, Predicate<LedgerEvent> visitor) {
        long last = after;
        for (Map.Entry<Long, LedgerEvent> entry : store.tailMap(after, false).entrySet()) {
            last = entry.getKey();
            if (!visitor.test(entry.getValue())) {
                break;
            }
        }
        return last;
    }

    private void store(long index, Object payload) {
        store.put(index, new LedgerEvent(index, "E" + index, payload.getClass().getSimpleName(), "1", null, "E" + index,
                0, History.day(index), payload, Map.of()));
    }

    private static ObjectionFiledEvent objection(String id) {
        return new ObjectionFiledEvent("NTC-1", id, "DSB-1", "异议", null, History.day(1));
    }

    @Test
    void eachEventIsFedOnceAndAnEventCommittedLateIntoAGapIsFedWhenItArrives() {
        store(1, objection("OBJ-1"));
        store(3, objection("OBJ-3"));
        assertThat(engine.findings()).extracting(FindingView::subject).containsExactly("OBJ-1", "OBJ-3");
        assertThat(engine.findings()).hasSize(2);

        store(2, objection("OBJ-2"));
        store(4, objection("OBJ-4"));
        assertThat(engine.findings()).extracting(FindingView::subject)
                .containsExactlyInAnyOrder("OBJ-1", "OBJ-2", "OBJ-3", "OBJ-4");
        assertThat(fed).containsExactly(1L, 3L, 2L, 4L);
    }

    @Test
    void aReviewIsShownWithItsFindingTheLatestOneWinning() {
        store(1, objection("OBJ-1"));
        store(2, new RedFlagReviewedEvent("OBJECTION_IGNORED/OBJ-1", "OBJECTION_IGNORED", "OBJ-1", "已转办", "auditor"));
        store(3, new RedFlagReviewedEvent("OBJECTION_IGNORED/OBJ-1", "OBJECTION_IGNORED", "OBJ-1", "已办结", "auditor2"));
        FindingView finding = engine.find("OBJECTION_IGNORED/OBJ-1").orElseThrow();
        assertThat(finding.reviewed()).isEqualTo(new FindingView.Review("auditor2", History.day(3), "已办结"));
        assertThat(engine.find("OBJECTION_IGNORED/OBJ-9")).isEmpty();
        assertThat(engine.ruleCodes()).containsExactly("OBJECTION_IGNORED");
    }
}
