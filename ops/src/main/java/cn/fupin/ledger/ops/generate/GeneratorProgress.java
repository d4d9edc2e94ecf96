package cn.fupin.ledger.ops.generate;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's view of a generation: a line at every stage and at most every {@link #EVERY} in between, with the
 * year, the stage, the commands sent and the events stored so far, their rates, and the time elapsed. Counts only:
 * no name, number or card of anyone is ever printed.
 */
final class GeneratorProgress {

    static final Duration EVERY = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(GeneratorProgress.class);

    private final long startedNanos = System.nanoTime();
    private final GeneratorSteps steps;
    private final LongSupplier events;
    private final int years;
    private long lastLineNanos = startedNanos;
    private int year;
    private String stage = "starting";

    GeneratorProgress(GeneratorSteps steps, LongSupplier events, int years) {
        this.steps = steps;
        this.events = events;
        this.years = years;
    }

    /** A new stage of the history: always a line. */
    void stage(int yearIndex, String name) {
        this.year = yearIndex;
        this.stage = name;
        line();
    }

    /** Called between commands: a line when the last one is {@link #EVERY} old. */
    void tick() {
        if (System.nanoTime() - lastLineNanos >= EVERY.toNanos()) {
            line();
        }
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private void line() {
        lastLineNanos = System.nanoTime();
        double seconds = Math.max(0.001, elapsed().toMillis() / 1000.0);
        long sent = steps.sent();
        long stored = events.getAsLong();
        int done = Math.max(0, year - 1);
        int width = 20;
        int filled = years == 0 ? 0 : Math.min(width, done * width / years);
        log.info("generate [{}{}] year {}/{} {} | commands {} ({}/s) | events {} ({}/s) | {}",
                "#".repeat(filled), ".".repeat(width - filled), year, years, stage, String.format("%,d", sent),
                String.format("%,.0f", sent / seconds), String.format("%,d", stored),
                String.format("%,.0f", stored / seconds), format(elapsed()));
    }

    static String format(Duration elapsed) {
        return String.format("%02d:%02d:%02d", elapsed.toHours(), elapsed.toMinutesPart(), elapsed.toSecondsPart());
    }
}
