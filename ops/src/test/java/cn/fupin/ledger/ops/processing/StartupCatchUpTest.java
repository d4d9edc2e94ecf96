package cn.fupin.ledger.ops.processing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness after a start, with a fake event store and processors: the availability the readiness probe reads, and
 * the readiness events listeners hear, in the order a Spring context would deliver them.
 */
class StartupCatchUpTest {

    private final FakePositions positions = new FakePositions();
    private final List<ReadinessState> heard = new ArrayList<>();
    private CaughtUpAvailability availability;
    private StartupCatchUp catchUp;

    @BeforeEach
    void context() {
        ApplicationEventPublisher publisher = event -> deliver((AvailabilityChangeEvent<?>) event);
        catchUp = new StartupCatchUp(positions, publisher, Duration.ofMillis(250));
        availability = new CaughtUpAvailability(catchUp);
    }

    /** As the context does: the availability records every change, the catch-up hears readiness changes. */
    @SuppressWarnings("unchecked")
    private void deliver(AvailabilityChangeEvent<?> event) {
        availability.onApplicationEvent(event);
        if (event.getState() instanceof ReadinessState state) {
            heard.add(state);
            catchUp.readinessChanged((AvailabilityChangeEvent<ReadinessState>) event);
        }
    }

    /** Spring Boot, once the application has started: live, and then ready. */
    private void springBootDeclaresTheApplicationReady() {
        deliver(new AvailabilityChangeEvent<>(this, LivenessState.CORRECT));
        deliver(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
    }

    @Test
    void theApplicationRefusesTrafficUntilEveryProcessorHasReachedTheHeadNotedAtStart() {
        positions.head = OptionalLong.of(10);
        positions.processors.put("funds", 3L);
        positions.processors.put("journal", 10L);

        assertThat(catchUp.start()).isFalse();
        springBootDeclaresTheApplicationReady();
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        assertThat(heard).containsExactly(ReadinessState.ACCEPTING_TRAFFIC, ReadinessState.REFUSING_TRAFFIC);

        positions.processors.put("funds", 9L);
        assertThat(catchUp.check()).isFalse();
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);

        // events recorded after the start do not move the target: the head as it was at start-up is what counts
        positions.head = OptionalLong.of(25);
        positions.processors.put("funds", 10L);
        assertThat(catchUp.check()).isTrue();
        assertThat(catchUp.caughtUp()).isTrue();
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(heard).last().isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void readinessIsRefusedWhateverOrderTheListenersHearSpringBootsReadyIn() {
        positions.head = OptionalLong.of(10);
        positions.processors.put("funds", 3L);
        catchUp.start();

        // Spring Boot's "ready" recorded last, after the catch-up's own answer to it
        catchUp.readinessChanged(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));

        assertThat(availability.getLastChangeEvent(ReadinessState.class).getState())
                .isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);

        positions.processors.put("funds", 10L);
        assertThat(catchUp.check()).isTrue();
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void livenessIsSpringBootsWhileTheProcessorsCatchUp() {
        positions.head = OptionalLong.of(10);
        positions.processors.put("funds", 0L);

        catchUp.start();
        springBootDeclaresTheApplicationReady();

        assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
    }

    @Test
    void anEmptyEventStoreIsCaughtUpAtOnce() {
        positions.head = OptionalLong.empty();
        positions.processors.put("funds", 0L);

        assertThat(catchUp.start()).isTrue();
        springBootDeclaresTheApplicationReady();

        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(heard).doesNotContain(ReadinessState.REFUSING_TRAFFIC);
    }

    @Test
    void processorsAlreadyAtTheHeadMakeTheApplicationReadyWhenSpringBootSaysSo() {
        positions.head = OptionalLong.of(7);
        positions.processors.put("funds", 7L);
        positions.processors.put("journal", 8L);

        assertThat(catchUp.start()).isTrue();
        assertThat(availability.getReadinessState())
                .as("before Spring Boot has declared the application ready").isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        springBootDeclaresTheApplicationReady();
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Nested
    class BeforeTheStart {

        @Test
        void nothingIsReadyBeforeTheHeadIsNoted() {
            positions.head = OptionalLong.of(5);
            positions.processors.put("funds", 5L);

            assertThat(catchUp.check()).isFalse();
            assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        }

        @Test
        void aProcessorThatFallsBehindAfterTheCatchUpDoesNotTakeReadinessBack() {
            positions.head = OptionalLong.of(5);
            positions.processors.put("funds", 5L);
            catchUp.start();
            springBootDeclaresTheApplicationReady();

            positions.head = OptionalLong.of(500);
            positions.processors.put("funds", 6L);

            assertThat(catchUp.check()).isTrue();
            assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    /** An event store and its processors as a test sets them. */
    static final class FakePositions implements ProcessorPositions {

        OptionalLong head = OptionalLong.empty();
        final Map<String, Long> processors = new TreeMap<>();
        final Map<String, Integer> gaps = new TreeMap<>();
        RuntimeException failure;

        @Override
        public OptionalLong head() {
            if (failure != null) {
                throw failure;
            }
            return head;
        }

        @Override
        public SortedSet<String> processors() {
            return new TreeSet<>(processors.keySet());
        }

        @Override
        public long position(String processor) {
            if (failure != null) {
                throw failure;
            }
            return processors.get(processor);
        }

        @Override
        public int gaps(String processor) {
            if (failure != null) {
                throw failure;
            }
            return gaps.getOrDefault(processor, 0);
        }
    }
}
