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
 * @param user     the staff user (a CLERK) the commands are sent as
 * @param password its password
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
                     @DefaultValue("clerk") String user,
                     @DefaultValue("demo") String password,
                     Path output,
                     @DefaultValue("true") boolean exit) {
}
