package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.ops.processing.ProcessorPositions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Renders the pages the re-renderer noted while it was far behind the event store's head ({@link PendingPages}), each
 * once, when it has come near the head: after an upgrade that rebuilds the pages, a replay or a long stop, a county's
 * few thousand pages are rendered once each instead of once per batch of the hundreds of thousands of events on the
 * way (see {@link PageRefresher}).
 * <p>
 * One thread, on the node that runs the re-renderer's segment (the others leave the work to it). Every
 * {@code ledger.disclosure.pages.pending-poll} (500 ms), while the re-renderer is within
 * {@code ledger.disclosure.pages.catch-up-behind} events of the head, it takes up to {@value PageRefresher#PAGES_AT_ONCE}
 * noted pages, once the read models they are built from have seen everything the re-renderer has, renders each and stores it at the re-renderer's position ({@link PageStore#keep}: a page never goes
 * back to an older state), and drops its note unless a later event noted it again. A page that cannot be rendered stays
 * noted and is tried again in the next round, after the others of its round; the gauge {@value #PENDING_GAUGE} shows how
 * many pages are noted.
 */
@Component
class PendingPageRenderer implements SmartLifecycle {

    static final String PENDING_GAUGE = "ledger.disclosure.pages.pending";

    private static final Logger log = LoggerFactory.getLogger(PendingPageRenderer.class);

    private final PendingPages pending;
    private final PageRenderer renderer;
    private final PageStore store;
    private final ReadModelProgress progress;
    private final ProcessorPositions positions;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final Duration poll;
    private final PageRefresher refresher;
    private final LongAdder rendered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder renderNanos = new LongAdder();
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    private long lastWarned = System.nanoTime() - WARN_EVERY.toNanos() - 1;
    private volatile Thread worker;
    private volatile boolean running;

    PendingPageRenderer(PendingPages pending, PageRenderer renderer, PageStore store, ReadModelProgress progress,
                        ProcessorPositions positions, ObjectProvider<EventProcessingConfiguration> processing,
                        MeterRegistry meters,
                        PageRefresher refresher,
                        @Value("${ledger.disclosure.pages.pending-poll:500ms}") Duration poll) {
        this.pending = pending;
        this.renderer = renderer;
        this.store = store;
        this.progress = progress;
        this.positions = positions;
        this.processing = processing;
        this.poll = poll;
        this.refresher = refresher;
        Gauge.builder(PENDING_GAUGE, pending, PendingPageRenderer::countOrNaN)
                .description("public pages noted for rendering at the head, not yet rendered").register(meters);
    }

    private static double countOrNaN(PendingPages pending) {
        try {
            return pending.count();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::work, "ledger-pending-pages");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        if (running) {
            log.info("noted public pages rendered since start: {} ({} renderings failed, {} ms rendering)",
                    rendered.sum(), failed.sum(), renderNanos.sum() / 1_000_000);
        }
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before Axon's processors and the database (a later phase stops earlier). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    private void work() {
        while (running) {
            int done;
            try {
                done = renderNoted();
            } catch (RuntimeException e) {
                // the class only: a message may quote SQL
                log.warn("rendering the noted public pages failed; trying again ({})", e.getClass().getSimpleName());
                done = 0;
            }
            if (done == 0) {
                try {
                    Thread.sleep(poll.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * One round: renders up to {@value PageRefresher#PAGES_AT_ONCE} noted pages when this node runs the re-renderer and
     * it is near the head; answers how many pages it stored (0: nothing to do now).
     */
    int renderNoted() {
        Optional<TrackingToken> reRenderer = reRendererToken();
        if (reRenderer.isEmpty()) {
            return 0;
        }
        List<String> paths = pending.next(PageRefresher.PAGES_AT_ONCE);
        if (paths.isEmpty()) {
            return 0;
        }
        TrackingToken seen = reRenderer.get();
        long at = PageRefresher.positionOf(seen);
        if (positions.head().orElse(0) - at > refresher.catchUpBehind()) {
            return 0;
        }
        Set<String> readModels = new TreeSet<>();
        paths.forEach(path -> readModels.addAll(PageRefresher.readModelsOf(path)));
        if (!readModels.stream().allMatch(group -> progress.hasSeen(group, seen))) {
            // the read models are still behind the re-renderer (all of them replaying, say): next round
            return 0;
        }
        int stored = 0;
        for (String path : paths) {
            if (!running) {
                break;
            }
            Optional<PublicPages.Rendered> page;
            long started = System.nanoTime();
            try {
                page = renderer.render(path);
            } catch (RuntimeException e) {
                page = Optional.empty();
            }
            if (page.isEmpty()) {
                failed.increment();
                if (System.nanoTime() - lastWarned > WARN_EVERY.toNanos()) {
                    lastWarned = System.nanoTime();
                    log.warn("the noted page {} could not be rendered; it stays noted and is tried again ({} failed"
                            + " renderings so far)", path, failed.sum());
                }
                continue;
            }
            store.keep(path, page.get(), at);
            pending.rendered(path, at);
            renderNanos.add(System.nanoTime() - started);
            rendered.increment();
            stored++;
        }
        return stored;
    }

    /** The re-renderer's token when this node runs its segment (one segment); empty when another node does. */
    private Optional<TrackingToken> reRendererToken() {
        return processing.getObject().eventProcessor(PageRefresher.GROUP, StreamingEventProcessor.class)
                .flatMap(processor -> processor.processingStatus().values().stream().findFirst())
                .filter(status -> !status.isErrorState())
                .map(EventTrackerStatus::getTrackingToken);
    }

    /** Pages rendered from the notes since start, and renderings that failed. */
    long[] counts() {
        return new long[] {rendered.sum(), failed.sum()};
    }
}
