package cn.fupin.ledger.ops.axon;

import cn.fupin.ledger.ops.consistency.WrittenEvents;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
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

    /** A request's answer names the position of the events it recorded (read your writes). */
    @Autowired
    void registerWrittenEvents(EventBus eventBus, WrittenEvents writtenEvents) {
        eventBus.registerDispatchInterceptor(writtenEvents);
    }

    /**
     * What this ledger's command and deadline handlers record carries this ledger's time, whatever other ledger of the
     * JVM set Axon's clock last (the processors' handlers: {@code AxonConfiguration#processingConfigurer}).
     */
    @Autowired
    void registerLedgerClock(CommandBus commandBus, ObjectProvider<DeadlineManager> deadlines, Clock clock) {
        LedgerClockInterceptor interceptor = new LedgerClockInterceptor(clock);
        commandBus.registerHandlerInterceptor(interceptor);
        deadlines.ifAvailable(manager -> manager.registerHandlerInterceptor(interceptor));
    }

    /** Event timestamps come from the ledger's clock, like every other reading of time. */
    @Bean
    EventClock eventClock(Clock clock) {
        return new EventClock(clock);
    }

    /**
     * Sets Axon's clock for event timestamps (a static of {@link GenericEventMessage}) to the ledger's (which the
     * storage engine reads earlier while it ages gaps: {@link LedgerTimeGaps}), and puts back
     * the one it replaced when the application closes: one JVM may run several ledgers one inside another (tests do),
     * and the one still running must not be left stamping its events with a closed ledger's clock. (A test whose
     * ledger differs from the shared one by a property therefore closes it after its class: two ledgers alive at once
     * would share whichever clock was set last.)
     */
    static final class EventClock implements DisposableBean {

        private final Clock clock;
        private final Clock replaced;

        EventClock(Clock ledger) {
            this.clock = LedgerTimeGaps.eventClock(ledger);
            this.replaced = GenericEventMessage.clock;
            GenericEventMessage.clock = clock;
        }

        @Override
        public void destroy() {
            if (GenericEventMessage.clock == clock) {
                GenericEventMessage.clock = replaced;
            }
        }
    }
}
