package cn.fupin.ledger.ops.consistency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Notes, for the HTTP request being served on this thread, the identifiers of the events its commands publish (the
 * last {@link #KEPT} of them, newest last), so that its answer can name their position ({@link ReadYourWrites}).
 * Axon's simple command bus handles a command on the caller's thread and its aggregates publish there, so a request's
 * own events pass here with the request bound to the thread; events that processors, sagas or scheduled tasks publish
 * run on their own threads, with no request, and are not noted.
 *
 * <p>An identifier noted here may belong to a unit of work that rolled back (a retried conflict, a refused command);
 * the answer takes the newest one that the store holds.
 */
@Component
public class WrittenEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    /** Enough to reach past the events of a rolled-back attempt to the last committed one. */
    static final int KEPT = 64;

    private static final String ATTRIBUTE = WrittenEvents.class.getName() + ".ids";

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            Deque<String> ids = ids(request, true);
            for (EventMessage<?> message : messages) {
                if (ids.size() == KEPT) {
                    ids.removeFirst();
                }
                ids.addLast(message.getIdentifier());
            }
        }
        return (index, message) -> message;
    }

    /** The identifiers of the events the current request published, newest first (none outside a request). */
    static List<String> ofCurrentRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return List.of();
        }
        Deque<String> ids = ids(request, false);
        if (ids == null) {
            return List.of();
        }
        List<String> newestFirst = new ArrayList<>(ids.size());
        ids.descendingIterator().forEachRemaining(newestFirst::add);
        return newestFirst;
    }

    @SuppressWarnings("unchecked")
    private static Deque<String> ids(RequestAttributes request, boolean create) {
        Object ids = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (ids == null && create) {
            ids = new ArrayDeque<String>();
            request.setAttribute(ATTRIBUTE, ids, RequestAttributes.SCOPE_REQUEST);
        }
        return (Deque<String>) ids;
    }
}
