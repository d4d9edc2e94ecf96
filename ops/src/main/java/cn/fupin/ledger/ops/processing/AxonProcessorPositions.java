package cn.fupin.ledger.ops.processing;

import cn.fupin.ledger.ops.disclosure.ReadModelProgress;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The positions as Axon has them: the head is the event store's highest global index (one indexed {@code MAX} over
 * the event table's key), a processor's position and gaps come from its segments' tokens as
 * {@link ReadModelProgress} reads them (this node's processor statuses, completed from {@code token_entry} for the
 * segments other nodes run).
 */
@Component
class AxonProcessorPositions implements ProcessorPositions {

    private final ObjectProvider<EventStore> eventStore;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ReadModelProgress progress;

    AxonProcessorPositions(ObjectProvider<EventStore> eventStore,
                           ObjectProvider<EventProcessingConfiguration> processing, ReadModelProgress progress) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.progress = progress;
    }

    @Override
    public OptionalLong head() {
        TrackingToken head = eventStore.getObject().createHeadToken();
        if (head == null) {
            return OptionalLong.empty();
        }
        OptionalLong position = WrappedToken.unwrapLowerBound(head).position();
        return position.isPresent() && position.getAsLong() >= 0 ? position : OptionalLong.empty();
    }

    @Override
    public SortedSet<String> processors() {
        SortedSet<String> names = new TreeSet<>();
        processing.getObject().eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                names.add(name);
            }
        });
        return names;
    }

    @Override
    public long position(String processor) {
        return progress.position(processor);
    }

    @Override
    public int gaps(String processor) {
        Set<Long> gaps = new HashSet<>();
        for (TrackingToken token : progress.tokens(processor).values()) {
            TrackingToken lowerBound = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if (lowerBound instanceof GapAwareTrackingToken gapAware) {
                gaps.addAll(gapAware.getGaps());
            }
        }
        return gaps.size();
    }
}
