package cn.fupin.ledger.ops.testing;

import cn.fupin.ledger.ops.LedgerApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the whole running ledger over HTTP, on a database of its own (H2 by default, MariaDB with -Pmysql):
 * the demo profile's users, without the demo data, with a fixed test key for personal data. Metrics are exported as
 * when running (Spring Boot's tests would otherwise keep them in memory and serve no {@code /actuator/prometheus}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.demo.load-data=false",
        "ledger.personal-data.key=" + LedgerTest.PERSONAL_DATA_KEY,
        "logging.level.org.axonframework=warn",
        "db-scheduler.polling-interval=1s",
        // The reconciliation task would run while other tests move the clock; its tests run it directly.
        "ledger.audit.reconciliation-interval=36500d",
        "ledger.audit.reconciliation-recheck=0s",
        // Snapshots after 20 events, not 100, so that the suite's funds and projects are loaded from snapshots too.
        "ledger.event-store.snapshot-after-events=20"})
@ActiveProfiles("demo")
public @interface LedgerTest {

    /** 32 bytes of test key material, base64. Only ever used by tests. */
    String PERSONAL_DATA_KEY = "dGVzdC1rZXktZm9yLXBlcnNvbmFsLWRhdGEtb25seSE=";
}
