package cn.fupin.ledger.ops.demo;

import cn.fupin.ledger.disclosure.publisher.AutomaticPublisher;
import cn.fupin.ledger.ops.clock.DemoClock;
import cn.fupin.ledger.ops.disclosure.ReadModelProgress;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.SagaConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Walks the demo ledger's clock through the demo county's history, so that what the loader records is dated as a
 * county would have recorded it: a fresh demo ledger's clock starts at {@link #START} ({@link DemoClock}), each step
 * of the history moves it forward to the step's date in Cangxi ({@link #at}), and the history ends at the system's
 * time ({@link #toThePresent}). Time never moves back: a date the clock has passed already (a load resumed after an
 * interruption) leaves it where it is.
 *
 * <p>Before each move, everything the events recorded so far call for has happened at the old date: the automatic
 * publisher has published the notices they make due, and the sagas have scheduled their deadlines. After each move,
 * the deadlines the new date has reached have fired (db-scheduler is asked to look at once rather than at its next
 * poll), so a publicity period's end or a round's closing is recorded at the first step after it, never before it.
 * Only the notice the history wants late is held back on purpose ({@link #withPublisherHeld}).
 */
@Component
@Profile("demo")
public class DemoHistory {

    /** The county's time zone: the history's dates are dates in Cangxi. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Where the demo county's history begins: Monday 5 January 2015, 09:00 in Cangxi. */
    public static final Instant START = LocalDateTime.of(2015, 1, 5, 9, 0).atZone(CHINA).toInstant();
    /** Who the history's moves of the clock are recorded as. */
    static final String MOVED_BY = "system:demo-loader";

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final Duration POLL = Duration.ofMillis(20);

    private final DemoClock clock;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ReadModelProgress progress;
    private final ObjectProvider<Scheduler> scheduler;
    private final String deadlineTable;
    private final Duration wait;
    private boolean publisherHeld;

    DemoHistory(DemoClock clock, JdbcTemplate jdbc, ObjectProvider<EventProcessingConfiguration> processing,
                ReadModelProgress progress, ObjectProvider<Scheduler> scheduler,
                @Value("${db-scheduler.table-name:scheduled_tasks}") String deadlineTable,
                @Value("${ledger.demo.step-wait:2m}") Duration wait) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.processing = processing;
        this.progress = progress;
        this.scheduler = scheduler;
        this.deadlineTable = deadlineTable;
        this.wait = wait;
    }

    /** The instant of a date and time in Cangxi, e.g. {@code "2015-03-09T10:00"}. */
    static Instant china(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHINA).toInstant();
    }

    /** Moves the clock forward to {@code localDateTime} in Cangxi (e.g. {@code "2015-03-09T10:00"}). */
    void at(String localDateTime) {
        moveTo(china(localDateTime));
    }

    /** Ends the history: the clock jumps to the system's time, and shows it from then on. */
    void toThePresent() {
        settle();
        if (clock.advanceToSystemTime(MOVED_BY)) {
            fireDueDeadlines();
            settle();
        }
        log.info("the demo county's history has reached the present: the ledger's clock is the system's clock again");
    }

    /**
     * Runs {@code steps} with the automatic publisher stopped, then starts it again: the notices the steps make due
     * are published only then, dated then. The history uses it once, for an allocation notice published late on
     * purpose, so that the public pages show how a late notice looks (15 working days, DOMAIN.md).
     */
    void withPublisherHeld(Runnable steps) {
        EventProcessor publisher = processing.getObject().eventProcessor(AutomaticPublisher.GROUP)
                .orElseThrow(() -> new IllegalStateException("no automatic publisher to hold"));
        settle();
        publisher.shutDown();
        publisherHeld = true;
        try {
            steps.run();
        } finally {
            publisherHeld = false;
            publisher.start();
        }
        settle();
    }

    private void moveTo(Instant target) {
        moveTo(target, MOVED_BY);
    }

    /**
     * Moves the clock forward to {@code target} as {@code movedBy}, after everything recorded so far has been handled
     * at the old time, and fires the deadlines the new time has reached. For other histories on the same clock (the
     * county generator, {@code cn.fupin.ledger.ops.generate}).
     */
    public void moveTo(Instant target, String movedBy) {
        settle();
        if (clock.advanceTo(target, movedBy)) {
            fireDueDeadlines();
            settle();
        }
    }

    /**
     * Waits until the automatic publisher (unless held) and every saga have handled every event recorded so far,
     * including the notices the publisher adds while it catches up. By position, not by
     * {@link ReadModelProgress#awaitSeen}'s {@code covers}: the loader's own commands have committed when it asks, and a
     * global index rolled back by a lost race (a gap) would hold {@code covers} for the whole gap timeout.
     */
    public void settle() {
        List<String> groups = new ArrayList<>();
        if (!publisherHeld) {
            groups.add(AutomaticPublisher.GROUP);
        }
        for (SagaConfiguration<?> saga : processing.getObject().sagaConfigurations()) {
            groups.add(saga.processingGroup());
        }
        long giveUpAt = System.nanoTime() + wait.toNanos();
        while (true) {
            Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
            if (head == null) {
                return;
            }
            boolean caughtUp = groups.stream().allMatch(group -> progress.position(group) >= head);
            if (caughtUp && head.equals(jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry",
                    Long.class))) {
                return;
            }
            pause(giveUpAt, "the publisher and the sagas " + groups + " to handle the events up to " + head);
        }
    }

    /** Waits until no deadline is due by the ledger's clock: each has fired (or failed and been put off). */
    private void fireDueDeadlines() {
        Scheduler deadlines = scheduler.getIfAvailable();
        if (deadlines == null) {
            return;
        }
        long giveUpAt = System.nanoTime() + wait.toNanos();
        while (true) {
            deadlines.triggerCheckForDueExecutions();
            Long due = jdbc.queryForObject("SELECT COUNT(*) FROM " + deadlineTable + " WHERE execution_time <= ?",
                    Long.class, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            if (due == null || due == 0) {
                return;
            }
            pause(giveUpAt, due + " due deadlines to fire");
        }
    }

    private static void pause(long giveUpAt, String waitingFor) {
        if (System.nanoTime() - giveUpAt > 0) {
            throw new IllegalStateException("the demo history waited too long for " + waitingFor);
        }
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + waitingFor, e);
        }
    }
}
