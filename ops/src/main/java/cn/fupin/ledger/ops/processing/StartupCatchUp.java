package cn.fupin.ledger.ops.processing;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Readiness after a start: a node takes traffic only once its event processors have caught up with the event store
 * as it was when the node started, so that it does not answer from read models (or serve public pages) that still
 * lack what was recorded before it came up.
 * <p>
 * At start-up (once the application context is refreshed and Axon's processors run) the head of the event store is
 * noted: its highest global index. The node is caught up when every streaming processor's token — the lowest of its
 * segments' — is at or past that index, or at once when the store had no event. Until then the application's
 * readiness is {@link ReadinessState#REFUSING_TRAFFIC} ({@link CaughtUpAvailability} holds it there even after Spring
 * Boot declares the application ready, and this component answers Boot's {@code ACCEPTING_TRAFFIC} with a
 * {@code REFUSING_TRAFFIC} of its own so that listeners hear it too); then it publishes
 * {@link ReadinessState#ACCEPTING_TRAFFIC}. Catching up happens once per start: a processor that falls behind later
 * shows in the lag metrics ({@link ProcessorLagMetrics}), not in readiness, so one slow projection does not take
 * every node out of the load balancer. A processor that cannot catch up (stopped, failing, its segments held by a
 * node that is gone) keeps the node unready; the log names the processors still behind every
 * {@value #REPORT_EVERY_CHECKS} checks. Liveness is not touched.
 */
@Component
public class StartupCatchUp implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupCatchUp.class);
    static final int REPORT_EVERY_CHECKS = 120;

    private final ProcessorPositions positions;
    private final ApplicationEventPublisher publisher;
    private final Duration pollInterval;
    private final Object lock = new Object();
    private ScheduledExecutorService poller;
    private ScheduledFuture<?> polling;
    /** The head noted at start-up: null until then, empty when the store had no event. */
    private volatile OptionalLong target;
    private volatile boolean caughtUp;
    private int checks;

    StartupCatchUp(ProcessorPositions positions, ApplicationEventPublisher publisher,
                   @Value("${ledger.readiness.catch-up-poll:250ms}") Duration pollInterval) {
        this.positions = positions;
        this.publisher = publisher;
        this.pollInterval = pollInterval;
    }

    /** Whether the application has started (the head is noted then, and again at each poll until it could be read). */
    private volatile boolean started;

    /** Whether the processors have caught up with the head noted at start-up (false before start-up). */
    public boolean caughtUp() {
        return caughtUp;
    }

    @EventListener(ApplicationStartedEvent.class)
    void started() {
        started = true;
        // A reading that fails (the database away a moment) must not stop the start: the poller tries again.
        boolean ready;
        try {
            ready = start();
        } catch (RuntimeException e) {
            log.warn("could not yet read how far the event processors have got; trying again ({})",
                    e.getClass().getSimpleName());
            ready = false;
        }
        if (ready) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-startup-catch-up");
            thread.setDaemon(true);
            return thread;
        });
        polling = poller.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Notes the head to catch up with; true when there is nothing to wait for (an empty store, or caught up). */
    boolean start() {
        OptionalLong head = positions.head();
        target = head;
        if (head.isEmpty()) {
            log.info("ready: the event store is empty, no processor has anything to catch up with");
            markCaughtUp();
            return true;
        }
        log.info("not ready until the event processors have caught up with event {}, the head at start-up",
                head.getAsLong());
        return check();
    }

    /**
     * Whether every streaming processor is at or past the head noted at start-up; the first time it is, the
     * application is declared ready.
     */
    boolean check() {
        if (caughtUp) {
            return true;
        }
        if (target == null) {
            // before the start nothing is ready; after it, a head that could not be read then is noted now
            return started && start();
        }
        OptionalLong head = target;
        SortedSet<String> behind = new TreeSet<>();
        for (String processor : positions.processors()) {
            if (positions.position(processor) < head.getAsLong()) {
                behind.add(processor);
            }
        }
        if (!behind.isEmpty()) {
            if (++checks % REPORT_EVERY_CHECKS == 0) {
                log.info("not ready yet: the processors {} have not reached event {}", behind, head.getAsLong());
            }
            return false;
        }
        log.info("ready: every event processor has reached event {}, the head at start-up", head.getAsLong());
        markCaughtUp();
        return true;
    }

    private void poll() {
        try {
            if (check() && polling != null) {
                polling.cancel(false);
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment: look again at the next poll. The class only (SQL in messages).
            log.warn("could not read the processors' progress: {}", e.getClass().getSimpleName());
        }
    }

    private void markCaughtUp() {
        synchronized (lock) {
            caughtUp = true;
            AvailabilityChangeEvent.publish(publisher, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    /**
     * Spring Boot declares the application ready once it has started, whether or not the processors have caught up:
     * while they have not, this answers with {@code REFUSING_TRAFFIC}, so that the last word listeners hear before
     * catching up is the true one ({@link CaughtUpAvailability} reports it regardless of the order of the events).
     */
    @EventListener
    void readinessChanged(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC || event.getSource() == this) {
            return;
        }
        synchronized (lock) {
            if (!caughtUp) {
                AvailabilityChangeEvent.publish(publisher, this, ReadinessState.REFUSING_TRAFFIC);
            }
        }
    }

    @Override
    public void destroy() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
