package cn.fupin.ledger.command;

import org.hamcrest.Matcher;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;

/**
 * A matcher for {@code expectException(...)} when an aggregate cannot be rebuilt from a stored history that
 * contradicts itself: Axon wraps what an event sourcing handler throws, and the cause is the aggregate's
 * {@link IllegalStateException}, whose message names the event.
 */
public final class HistoryFailures {

    private HistoryFailures() {
    }

    public static Matcher<?> failingOnHistory(Matcher<String> message) {
        return hasProperty("cause", allOf(instanceOf(IllegalStateException.class), hasProperty("message", message)));
    }
}
