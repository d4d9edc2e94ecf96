package cn.fupin.ledger.ops.audit;

import cn.fupin.ledger.shared.audit.ReconciliationRecordedEvent;
import java.util.Optional;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The last recorded reconciliation in the ops health, as {@code reconciliation: {agrees, checkedAt, differences}}
 * (differences: how many): UP when it agreed, {@link #OUT_OF_BALANCE} when it did not, UNKNOWN before the first run.
 * Staff read it in the {@code ledger} health group ({@code /actuator/health/ledger}), whose order makes
 * OUT_OF_BALANCE worse than UP; the public {@code /actuator/health} shows only the machine's status, which this
 * does not change (a node whose books disagree still serves, and the public learns nothing of the books from it).
 */
// The contributor is named "reconciliation": Spring Boot drops the suffix of the bean name.
@Component("reconciliationHealthIndicator")
class ReconciliationHealth implements HealthIndicator {

    static final Status OUT_OF_BALANCE = new Status("OUT_OF_BALANCE",
            "the journal, the aggregates and the read models disagree");

    private final LastReconciliation last;

    ReconciliationHealth(LastReconciliation last) {
        this.last = last;
    }

    @Override
    public Health health() {
        Optional<ReconciliationRecordedEvent> recorded = last.last();
        if (recorded.isEmpty()) {
            return Health.unknown().withDetail("recorded", false).build();
        }
        ReconciliationRecordedEvent result = recorded.get();
        return Health.status(result.agrees() ? Status.UP : OUT_OF_BALANCE)
                .withDetail("agrees", result.agrees())
                .withDetail("checkedAt", result.checkedAt().toString())
                .withDetail("differences", result.differenceCount())
                .withDetail("upToGlobalIndex", result.upToGlobalIndex())
                .build();
    }
}
