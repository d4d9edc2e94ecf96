package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.AffectedPages;
import cn.fupin.ledger.disclosure.page.Site;
import cn.fupin.ledger.ops.processing.ProcessorPositions;
import cn.fupin.ledger.shared.stored.KnownEvents;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.annotation.MessageHandlerTimeout;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The re-renderer of the public pages (processing group {@value #GROUP}): for every event, the pages it affects
 * ({@link AffectedPages}), and only those, are rendered again and stored ({@link PageStore}).
 * <p>
 * Pages are built from read models that other groups update asynchronously, so a page rendered too early would show
 * stale data. Before rendering, the re-renderer waits until every read model the pages depend on has seen everything
 * it has seen itself ({@link ReadModelProgress#awaitSeen}), at most {@code ledger.disclosure.pages.read-model-wait}
 * (30 s); a read model still behind then makes the batch fail, and Axon retries it (errors propagate here as in every
 * group: an event is never skipped). The group runs on one segment in the event store's order, so one node renders at
 * a time and a later batch always reads later read models. Events arriving together are handled as one batch (at
 * most {@code ledger.disclosure.pages.batch-size}, 1,000): each affected page is rendered once per batch, after its last
 * event, so a batch of a thousand grants renders its village, township and county once, not a thousand times. A
 * batch that names many different pages (a hundred designations of poor villages) renders them in parts of at most
 * {@value #PAGES_AT_ONCE}, each after the event that completed it: the work done at once stays bounded, and Axon's
 * limit on one handling ({@link MessageHandlerTimeout}, and the group's transaction timeout in {@code application.yml})
 * is far away.
 * <p>
 * Far behind the head (more than {@code ledger.disclosure.pages.catch-up-behind} events, 2,000: after an upgrade that
 * rebuilds the pages, a replay or a long stop), rendering once per batch would render the county, township and village
 * pages again for every few hundred of the hundreds of thousands of events on the way. There the re-renderer notes the
 * pages its events affect ({@link PendingPages}, before its token moves past them) and renders nothing;
 * {@link PendingPageRenderer} renders each noted page once when the re-renderer has come near the head. Near the head
 * it renders as above, so a command's page follows within a batch.
 * <p>
 * No transaction is held while waiting and rendering: this group's processor runs without one, each page is stored by
 * one statement of its own, and its token is stored in a short transaction of its own after the batch's pages
 * ({@link PublicPagesConfiguration}). A batch that stored its pages but not its token is handled again: the same pages,
 * written again.
 */
@Component
@ProcessingGroup(PageRefresher.GROUP)
class PageRefresher {

    static final String GROUP = "disclosure-pages";

    private static final Logger log = LoggerFactory.getLogger(PageRefresher.class);
    private static final String BATCH = PageRefresher.class.getName() + ".batch";
    /** At most this many pages are rendered at once; more pages in a batch are rendered in parts. */
    static final int PAGES_AT_ONCE = 100;

    /** The read models each kind of page is built from (the query handlers of {@link DisclosurePageAssembler}). */
    static final Set<String> COUNTY_READ_MODELS = Set.of("funds", "places", "competitions", "projects", "coverage",
            "notices");
    static final Set<String> TOWNSHIP_READ_MODELS = Set.of("places", "projects", "coverage", "notices");
    static final Set<String> VILLAGE_READ_MODELS = Set.of("places", "projects", "disbursements", "coverage", "notices");
    static final Set<String> NOTICE_READ_MODELS = Set.of("notices");

    private final AffectedPages affectedPages;
    private final PageRenderer renderer;
    private final PageStore store;
    private final ReadModelProgress progress;
    private final PendingPages pending;
    private final ProcessorPositions positions;
    private final Duration readModelWait;
    private final Statistics statistics = new Statistics();
    private volatile long catchUpBehind;

    PageRefresher(AffectedPages affectedPages, PageRenderer renderer, PageStore store, ReadModelProgress progress,
                  PendingPages pending, ProcessorPositions positions,
                  @Value("${ledger.disclosure.pages.read-model-wait:30s}") Duration readModelWait,
                  @Value("${ledger.disclosure.pages.catch-up-behind:2000}") long catchUpBehind) {
        this.affectedPages = affectedPages;
        this.renderer = renderer;
        this.store = store;
        this.progress = progress;
        this.pending = pending;
        this.positions = positions;
        this.readModelWait = readModelWait;
        this.catchUpBehind = catchUpBehind;
    }

    /**
     * The pages of a batch: what its events affect (to render now, or, for events far behind the head, to note), how
     * far into the stream its last event is, and where the store's head was when the batch began.
     */
    private static final class Batch {

        private final SortedSet<String> pages = new TreeSet<>();
        private final SortedSet<String> noted = new TreeSet<>();
        private final long head;
        private TrackingToken lastToken;

        Batch(long head) {
            this.head = head;
        }
    }

    @EventHandler
    @MessageHandlerTimeout(timeoutMs = 300_000, warningThresholdMs = 30_000, warningIntervalMs = 30_000)
    void on(Object event, TrackingToken token, @MessageIdentifier String eventId) {
        // An event of a type this code does not know may change any page: the re-renderer stops at it and retries,
        // rather than leave the pages showing a history without it.
        SortedSet<String> pages = affectedPages.of(KnownEvents.require(event, eventId));
        statistics.event(event.getClass().getSimpleName(), pages.size());
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Batch batch = unitOfWork.getOrComputeResource(BATCH, key -> new Batch(positions.head().orElse(0)));
        long eventIndex = positionOf(token);
        if (batch.head - eventIndex > catchUpBehind) {
            batch.noted.addAll(pages);
        } else {
            batch.pages.addAll(pages);
        }
        batch.lastToken = token;
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()
                || batch.pages.size() + batch.noted.size() >= PAGES_AT_ONCE) {
            // noted before the token moves past their events (it is stored after the batch)
            pending.note(batch.noted, eventIndex);
            statistics.noted(batch.noted.size());
            batch.noted.clear();
            refresh(batch);
            batch.pages.clear();
        }
    }

    /** The global index a token is at (its lower bound during a replay; 0 before the first event). */
    static long positionOf(TrackingToken token) {
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        return lower == null ? 0 : lower.position().orElse(0);
    }

    /**
     * How far behind the head ({@code ledger.disclosure.pages.catch-up-behind} events) the re-renderer notes pages rather
     * than renders them; and, for {@link PendingPageRenderer}, how near the head it must be before the noted pages are
     * rendered.
     */
    long catchUpBehind() {
        return catchUpBehind;
    }

    /** Sets {@link #catchUpBehind()} (a test's: the setting is read at start). */
    void catchUpBehind(long events) {
        this.catchUpBehind = events;
    }

    /** Renders and stores every page of the batch once its read models have seen the batch's last event. */
    private void refresh(Batch batch) {
        if (batch.pages.isEmpty()) {
            return;
        }
        Set<String> readModels = new TreeSet<>();
        batch.pages.forEach(path -> readModels.addAll(readModelsOf(path)));
        long started = System.nanoTime();
        progress.awaitSeen(readModels, batch.lastToken, readModelWait);
        long eventIndex = positionOf(batch.lastToken);
        statistics.waited(System.nanoTime() - started);
        List<String> paths = batch.pages.stream().sorted(Comparator.comparing(PageRefresher::kindOf)
                .thenComparing(Comparator.naturalOrder())).toList();
        for (String path : paths) {
            long rendering = System.nanoTime();
            long cpu = Statistics.cpuNanos();
            PublicPages.Rendered page = renderer.render(path).orElseThrow(() -> new IllegalStateException(
                    "the page " + path + " that an event changed has nothing to show once the read models saw it"));
            store.keep(path, page, eventIndex);
            statistics.rendered(kindOf(path), System.nanoTime() - rendering, Statistics.cpuNanos() - cpu);
        }
        statistics.batch();
        log.debug("re-rendered {} pages up to event {}: {}", batch.pages.size(), eventIndex, batch.pages);
    }

    /** What the re-renderer did, in the log when the ledger stops. */
    @PreDestroy
    void reportOnStop() {
        log.info("public pages re-rendered since start: {}", statistics.summary());
    }

    /** Replaying the group renders again every page its events touch: it starts from an empty store. */
    @ResetHandler
    void reset() {
        int deleted = store.deleteAll();
        pending.deleteAll();
        log.info("public pages reset: {} stored pages deleted, to be rendered again", deleted);
    }

    /** The kinds of page, each built from its own read models. */
    enum Kind {
        // In the order a batch renders them: the cheap pages first, the county (which most events touch) last.
        NOTICE(NOTICE_READ_MODELS),
        VILLAGE(VILLAGE_READ_MODELS),
        TOWNSHIP(TOWNSHIP_READ_MODELS),
        COUNTY(COUNTY_READ_MODELS);

        private final Set<String> readModels;

        Kind(Set<String> readModels) {
            this.readModels = readModels;
        }
    }

    /** The kind of the page at a path of the site. */
    static Kind kindOf(String path) {
        if (Site.COUNTY.equals(path)) {
            return Kind.COUNTY;
        }
        if (path.startsWith(Site.NOTICES + "/")) {
            return Kind.NOTICE;
        }
        if (path.matches("\\d{9}/index\\.html")) {
            return Kind.TOWNSHIP;
        }
        if (path.matches("\\d{12}/index\\.html")) {
            return Kind.VILLAGE;
        }
        throw new IllegalArgumentException("no page of the site lives at " + path);
    }

    /** The read models a page is built from, by its path in the site. */
    static Set<String> readModelsOf(String path) {
        return kindOf(path).readModels;
    }

    Statistics statistics() {
        return statistics;
    }

    /** What the re-renderer has done since start: per event type and per kind of page. */
    static final class Statistics {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private final Map<String, LongAdder[]> byEventType = new ConcurrentHashMap<>();
        private final Map<Kind, LongAdder[]> byKind = new ConcurrentHashMap<>();
        private final LongAdder batches = new LongAdder();
        private final LongAdder waitNanos = new LongAdder();
        private final LongAdder noted = new LongAdder();

        void event(String type, int pages) {
            LongAdder[] counts = byEventType.computeIfAbsent(type, t -> adders(2));
            counts[0].increment();
            counts[1].add(pages);
        }

        void noted(int pages) {
            noted.add(pages);
        }

        /** Pages noted for {@link PendingPageRenderer} rather than rendered (counted once per part of a batch). */
        long noted() {
            return noted.sum();
        }

        void waited(long nanos) {
            waitNanos.add(nanos);
        }

        void rendered(Kind kind, long nanos, long cpuNanos) {
            LongAdder[] counts = byKind.computeIfAbsent(kind, k -> adders(3));
            counts[0].increment();
            counts[1].add(nanos);
            counts[2].add(Math.max(0, cpuNanos));
        }

        void batch() {
            batches.increment();
        }

        /** Per event type: {events, pages they named (before the pages of one batch are merged)}. */
        Map<String, long[]> byEventType() {
            Map<String, long[]> copy = new TreeMap<>();
            byEventType.forEach((type, counts) -> copy.put(type, sums(counts)));
            return copy;
        }

        /** Per kind of page: {pages rendered and stored, nanoseconds, of them CPU nanoseconds of the thread}. */
        Map<Kind, long[]> byKind() {
            Map<Kind, long[]> copy = new TreeMap<>();
            byKind.forEach((kind, counts) -> copy.put(kind, sums(counts)));
            return copy;
        }

        long batches() {
            return batches.sum();
        }

        long waitNanos() {
            return waitNanos.sum();
        }

        String summary() {
            StringBuilder summary = new StringBuilder();
            long events = byEventType().values().stream().mapToLong(counts -> counts[0]).sum();
            summary.append(events).append(" events, ").append(batches()).append(" renderings of up to ")
                    .append(PAGES_AT_ONCE).append(" pages, read-model wait ").append(waitNanos() / 1_000_000)
                    .append(" ms, ").append(noted()).append(" pages noted for rendering at the head");
            byKind().forEach((kind, counts) -> summary.append("; ").append(kind.name().toLowerCase(Locale.ROOT))
                    .append(' ').append(counts[0]).append(" pages in ").append(counts[1] / 1_000_000)
                    .append(" ms (CPU ").append(counts[2] / 1_000_000).append(" ms)"));
            return summary.toString();
        }

        static long cpuNanos() {
            return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
        }

        private static LongAdder[] adders(int count) {
            LongAdder[] adders = new LongAdder[count];
            for (int i = 0; i < count; i++) {
                adders[i] = new LongAdder();
            }
            return adders;
        }

        private static long[] sums(LongAdder[] adders) {
            long[] sums = new long[adders.length];
            for (int i = 0; i < adders.length; i++) {
                sums[i] = adders[i].sum();
            }
            return sums;
        }
    }
}
