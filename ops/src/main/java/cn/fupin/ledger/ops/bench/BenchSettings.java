package cn.fupin.ledger.ops.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The harness's settings ({@code ledger.bench.*}; docs/performance.md).
 *
 * @param run      whether to run the harness after the start (then exit, unless {@code exit} is false)
 * @param clients  the concurrencies of the command loads
 * @param warmUp   each load's warm-up, not measured
 * @param duration each load's measured time
 * @param readAfterWriteSamples writes whose read-back is timed (half without, half with consistentWith)
 * @param importRows the rows of the register file imported once (30,000; 0 leaves the import out)
 * @param grantBatchSize the households of the start-up grant batch submitted and approved once (1,000, the most a batch
 *                 holds; 0 leaves the batch out)
 * @param user     the staff user (a CLERK) the commands are sent as
 * @param password its password
 * @param approver the staff user (an APPROVER) who approves the grant batch (four eyes: not {@code user})
 * @param approverPassword its password
 * @param rebuildWindow how long the rebuild is measured, or none to measure it to its end: at county scale (hundreds of
 *                 thousands of events) the rate the slowest read model keeps over a window (say 3 minutes) is the
 *                 figure, and the run does not wait for the rest
 * @param rebuildOnly whether to measure the rebuild (and the heap) alone, without waiting for the read models first:
 *                 to measure and profile the rebuild again on a county whose read models an earlier run left replaying
 * @param output   a file the JSON result is also written to, or none
 * @param exit     whether the process exits after the run (a test runs the harness inside its own context)
 */
@ConfigurationProperties(prefix = "ledger.bench")
record BenchSettings(@DefaultValue("false") boolean run,
                     @DefaultValue({"1", "8", "32"}) List<Integer> clients,
                     @DefaultValue("3s") Duration warmUp,
                     @DefaultValue("15s") Duration duration,
                     @DefaultValue("100") int readAfterWriteSamples,
                     @DefaultValue("30000") int importRows,
                     @DefaultValue("1000") int grantBatchSize,
                     @DefaultValue("clerk") String user,
                     @DefaultValue("demo") String password,
                     @DefaultValue("approver") String approver,
                     @DefaultValue("demo") String approverPassword,
                     Duration rebuildWindow,
                     @DefaultValue("false") boolean rebuildOnly,
                     Path output,
                     @DefaultValue("true") boolean exit) {

    BenchSettings {
        if (rebuildWindow != null && (rebuildWindow.isZero() || rebuildWindow.isNegative())) {
            throw new IllegalArgumentException("ledger.bench.rebuild-window is a positive duration, or unset");
        }
        if (grantBatchSize < 0 || grantBatchSize > 1_000) {
            throw new IllegalArgumentException("ledger.bench.grant-batch-size is 0 (no batch) to 1,000 (a batch's most)");
        }
        if (importRows < 0 || importRows + grantBatchSize > RegisterFile.ROWS_MAX) {
            throw new IllegalArgumentException("ledger.bench.import-rows and grant-batch-size together are at most "
                    + RegisterFile.ROWS_MAX + " households (a run's ID numbers)");
        }
    }
}
