package cn.fupin.ledger.ops.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every application context started by a test its own database (see {@link TestDatabase}), dropped when the
 * context closes. A test that manages its database itself (restart tests) sets {@code ledger.test.own-database=true}.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().getProperty("ledger.test.own-database", Boolean.class, false)) {
            return;
        }
        if (context.getParent() != null) {
            return;
        }
        TestDatabase database = TestDatabase.create();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", database.properties()));
        AtomicBoolean dropped = new AtomicBoolean();
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context
                    && dropped.compareAndSet(false, true)) {
                database.drop();
            }
        });
        // A context that fails to start is never closed with an event: drop its database when the JVM ends.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!context.isActive() && dropped.compareAndSet(false, true)) {
                database.drop();
            }
        }, "drop-" + database.name()));
    }
}
