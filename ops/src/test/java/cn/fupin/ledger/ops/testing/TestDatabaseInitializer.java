package cn.fupin.ledger.ops.testing;

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
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                database.drop();
            }
        });
    }
}
