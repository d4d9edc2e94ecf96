package cn.fupin.ledger.ops.axon;

import java.time.Clock;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Runs each of a ledger's handlers (its command handlers, its processors' and sagas' event handlers, its deadline
 * handlers) with Axon's event clock reading that ledger's clock, so that the events they record carry this ledger's
 * time even while another ledger of the same JVM set Axon's clock, a static, last ({@link LedgerTimeGaps}). Every event
 * of the ledger is recorded by one of these handlers, or with a timestamp its code gives.
 */
final class LedgerClockInterceptor implements MessageHandlerInterceptor<Message<?>> {

    private final Clock ledger;

    LedgerClockInterceptor(Clock ledger) {
        this.ledger = ledger;
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        return LedgerTimeGaps.handlingFor(ledger, chain::proceed);
    }
}
