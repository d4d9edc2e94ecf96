package cn.fupin.ledger.ops.axon;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerTest;
import java.time.Duration;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Axon's default would log a failing event handler and move on, losing the event from the read model for good.
 * Every read model here runs on a pooled streaming processor whose handler errors propagate (first test), and a
 * projection whose table is taken away while an event arrives stops, keeps retrying and applies the event once the
 * table is back, then goes on with later events (second test).
 */
@LedgerTest
@TestPropertySource(properties = "ledger.test.context=failing-projection")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FailingProjectionRetriesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyReadModelRunsOnAPooledStreamingProcessorWhoseErrorsPropagate() {
        for (String group : List.of("funds", "households", "places")) {
            assertThat(processing.eventProcessor(group, PooledStreamingEventProcessor.class)).as(group).isPresent();
            assertThat(processing.listenerInvocationErrorHandler(group)).as(group)
                    .isInstanceOf(PropagatingErrorHandler.class);
        }
    }

    private long designations(String villageCode) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM poor_village_view WHERE village_code = ?", Long.class, villageCode);
    }

    @Test
    void anEventThatFailsInItsProjectionIsRetriedUntilItIsAppliedNotSkipped() {
        Api clerk = new Api(port).as("clerk");
        String village = "510824100001";
        assertThat(clerk.post("/api/places/villages/510824100002/poor-designations",
                "{\"year\": 2040, \"documentNo\": \"苍委办〔2040〕1号\"}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> designations("510824100002") == 1);

        jdbc.execute("ALTER TABLE poor_village_view RENAME TO poor_village_view_away");
        try {
            assertThat(clerk.post("/api/places/villages/" + village + "/poor-designations",
                    "{\"year\": 2040, \"documentNo\": \"苍委办〔2040〕2号\"}").status()).isEqualTo(201);
            // The command is recorded even though its projection cannot run: the event is in the store.
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Long.class, "VIL-" + village)).isEqualTo(1L);
            // Give the processor time to fail on the event a few times.
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        } finally {
            jdbc.execute("ALTER TABLE poor_village_view_away RENAME TO poor_village_view");
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> designations(village) == 1);
        // And the processor goes on with later events.
        assertThat(clerk.post("/api/places/villages/510824100003/poor-designations",
                "{\"year\": 2040, \"documentNo\": \"苍委办〔2040〕3号\"}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(120)).until(() -> designations("510824100003") == 1);
    }
}
