package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.testing.LedgerTest;
import java.time.Duration;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read models of projects, township assessments, competitive rounds and notices each run in a processing group of
 * their own (so each can be rebuilt alone) on a pooled streaming processor whose handler errors propagate, like the
 * others; the re-renderer of the public pages too, on one segment and without a transaction around a batch (it waits
 * for the read models and renders, holding no connection).
 */
@LedgerTest
class ReadModelProcessorsTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachNewReadModelHasItsOwnRetryingProcessor() {
        for (String group : List.of("projects", "assessments", "competitions", "notices")) {
            assertThat(processing.eventProcessor(group, PooledStreamingEventProcessor.class)).as(group).isPresent();
            assertThat(processing.listenerInvocationErrorHandler(group)).as(group)
                    .isInstanceOf(PropagatingErrorHandler.class);
        }
    }

    @Test
    void theSkippedWorkListRetriesInTheOrderOfTheStoreBecauseAPublicationAndItsRetryChangeOneRow() {
        String group = "skipped-work";

        assertThat(processing.eventProcessor(group, PooledStreamingEventProcessor.class)).isPresent();
        assertThat(processing.listenerInvocationErrorHandler(group)).isInstanceOf(PropagatingErrorHandler.class);
        assertThat(processing.sequencingPolicy(group)).isInstanceOf(SequentialPolicy.class);
    }

    @Test
    void theReRendererOfThePublicPagesRetriesOnOneSegmentWithoutATransactionAroundItsBatches() {
        String group = "disclosure-pages";

        assertThat(processing.eventProcessor(group, PooledStreamingEventProcessor.class)).isPresent();
        assertThat(processing.listenerInvocationErrorHandler(group)).isInstanceOf(PropagatingErrorHandler.class);
        assertThat(processing.errorHandler(group)).isInstanceOf(PropagatingErrorHandler.class);
        assertThat(processing.sequencingPolicy(group)).isInstanceOf(SequentialPolicy.class);
        assertThat(processing.transactionManager(group)).isSameAs(NoTransactionManager.INSTANCE);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT segment FROM token_entry WHERE processor_name = ?", Integer.class, group)).containsExactly(0));
    }
}
