package cn.fupin.ledger.ops.axon;

import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Hooks onto Axon's built infrastructure (kept apart from {@link AxonConfiguration}, whose beans Axon needs in
 * order to build it).
 */
@Configuration(proxyBeanMethods = false)
class AxonWiring {

    @Autowired
    void registerAuditMetadata(CommandBus commandBus, AuditMetadataInterceptor interceptor) {
        commandBus.registerDispatchInterceptor(interceptor);
    }

    /** Event timestamps come from the ledger's clock, like every other reading of time. */
    @Autowired
    void useLedgerClockForEvents(Clock clock) {
        GenericEventMessage.clock = clock;
    }
}
