package cn.fupin.ledger.ops;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * db-scheduler, which fires the persistent deadlines (a notice's period end, a round's submissions), reads the ledger's
 * clock: after the demo clock moves forward, whatever is due by the ledger's time fires.
 */
class LedgerClockWiringTest {

    @Test
    void theSchedulerAsksTheLedgersClockWhatTimeItIs() {
        Instant ledgerTime = Instant.parse("2095-05-15T00:00:00Z");
        Clock ledger = Clock.fixed(ledgerTime, ZoneOffset.UTC);

        com.github.kagkarlsson.scheduler.Clock scheduler = new LedgerConfiguration().schedulerClock(ledger);

        assertThat(scheduler.now()).isEqualTo(ledgerTime);
    }
}
