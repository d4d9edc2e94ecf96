package cn.fupin.ledger.ops.audit;

import cn.fupin.ledger.query.audit.skippedwork.SkippedWorkQueries;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The notices the automatic publisher skipped and nobody has published since, in the ops health as
 * {@code skippedWork: {open: n}}: UP with none, {@link #ATTENTION} while there is any (what such a notice announces
 * stays undisclosed, and a plan or grant list holds back payments). Staff read it in the {@code ledger} health group
 * ({@code /actuator/health/ledger}), whose order makes ATTENTION worse than UP; the public {@code /actuator/health}
 * shows the machine's status only, which this does not change (the node still serves, and the public learns nothing
 * of the ledger's work from it).
 */
// The contributor is named "skippedWork": Spring Boot drops the suffix of the bean name.
@Component("skippedWorkHealthIndicator")
class SkippedWorkHealth implements HealthIndicator {

    static final Status ATTENTION = new Status("ATTENTION", "notices the publisher skipped wait for an officer");

    private final SkippedWorkQueries skippedWork;

    SkippedWorkHealth(SkippedWorkQueries skippedWork) {
        this.skippedWork = skippedWork;
    }

    @Override
    public Health health() {
        long open = skippedWork.openCount();
        return Health.status(open > 0 ? ATTENTION : Status.UP).withDetail("open", open).build();
    }
}
