package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.testing.LedgerTest;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models of projects, township assessments, competitive rounds and notices each run in a processing group of
 * their own (so each can be rebuilt alone) on a pooled streaming processor whose handler errors propagate, like the
 * others.
 */
@LedgerTest
class ReadModelProcessorsTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void eachNewReadModelHasItsOwnRetryingProcessor() {
        for (String group : List.of("projects", "assessments", "competitions", "notices")) {
            assertThat(processing.eventProcessor(group, PooledStreamingEventProcessor.class)).as(group).isPresent();
            assertThat(processing.listenerInvocationErrorHandler(group)).as(group)
                    .isInstanceOf(PropagatingErrorHandler.class);
        }
    }
}
