package cn.fupin.ledger.ops.testing;

import cn.fupin.ledger.ops.processing.StartupCatchUp;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * A ledger is ready only once its event processors have caught up after the start ({@link StartupCatchUp}); until
 * then its health and readiness answer 503. Tests of a running ledger begin once it is ready, as a load balancer would
 * send them: this waits (at most a minute; then the test runs regardless and says what it finds) before each test
 * instance of a context that has the catch-up. Usually the wait is nothing: a test database starts nearly empty.
 */
public class ProcessorsCaughtUpFirst implements TestExecutionListener, Ordered {

    private static final Duration AT_MOST = Duration.ofMinutes(1);

    @Override
    public int getOrder() {
        // after the dependency injection listener (2000), which loads the context
        return 2100;
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        StartupCatchUp catchUp = context.getBeanProvider(StartupCatchUp.class).getIfAvailable();
        if (catchUp == null) {
            return;
        }
        // (a context that is not ready within the bound goes on: the tests that need readiness say so themselves)
        try {
            Awaitility.await().atMost(AT_MOST).pollInterval(Duration.ofMillis(20)).until(catchUp::caughtUp);
        } catch (ConditionTimeoutException notReady) {
            return;
        }
    }
}
