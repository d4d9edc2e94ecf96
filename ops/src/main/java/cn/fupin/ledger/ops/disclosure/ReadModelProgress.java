package cn.fupin.ledger.ops.disclosure;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the processing groups have got, segment by segment: for the segments this node runs, the processor's own
 * status (advanced as soon as a batch commits, or at once for events the segment has nothing to do with); for the
 * others, the token stored in {@code token_entry} by the node that runs them. (A segment that handled nothing stores
 * its token only every few seconds, so a segment run by another node may look behind by that much: waiting on it is
 * then slower, never wrong.)
 * <p>
 * "Has seen" is Axon's {@link TrackingToken#covers}: a group has seen an event of the re-renderer's stream when each of
 * its segments is at or beyond the event's position and has no gap below it that the re-renderer does not have too.
 * So a slow transaction's event (a gap: a global index taken but not yet committed) that the re-renderer has already
 * handled must have been handled by the read model too, while a gap both still have (an index that was rolled back,
 * or is still open) does not hold anything up. Comparing positions alone would let a page be rendered before a read
 * model had processed an event that committed late.
 */
@Component
public class ReadModelProgress {

    private static final long WHOLE = 1L << 32;

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ReadModelProgress(ObjectProvider<EventProcessingConfiguration> processing, JdbcTemplate jdbc,
                             Serializer serializer) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * Waits until every group has seen everything the re-renderer had seen at {@code seen}, at most {@code bound}.
     *
     * @throws ReadModelsBehindException when a group is still behind after the bound (the caller fails and is retried)
     */
    public void awaitSeen(Collection<String> groups, TrackingToken seen, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        TreeSet<String> behind = new TreeSet<>(groups);
        long pauseMillis = 1;
        while (true) {
            behind.removeIf(group -> hasSeen(group, seen));
            if (behind.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ReadModelsBehindException("the read models " + behind + " had not processed the events up to "
                        + seen + " after " + bound);
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReadModelsBehindException("interrupted while waiting for the read models " + behind);
            }
            pauseMillis = Math.min(pauseMillis * 2, 50);
        }
    }

    /** Whether each segment of the group has processed every event the holder of {@code seen} had processed. */
    public boolean hasSeen(String group, TrackingToken seen) {
        TrackingToken target = WrappedToken.unwrapLowerBound(seen);
        Map<Integer, TrackingToken> tokens = tokens(group);
        if (tokens.isEmpty() || target == null) {
            return false;
        }
        for (TrackingToken token : tokens.values()) {
            if (token == null || !token.covers(target)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits, at most {@code bound}, until every group has processed the committed event at {@code position}
     * ({@link #hasProcessed}); answers the groups still behind then (none when all have it).
     */
    public SortedSet<String> awaitProcessed(Collection<String> groups, long position, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        TreeSet<String> behind = new TreeSet<>(groups);
        long pauseMillis = 1;
        while (true) {
            behind.removeIf(group -> hasProcessed(group, position));
            if (behind.isEmpty() || System.nanoTime() - deadline > 0) {
                return behind;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return behind;
            }
            pauseMillis = Math.min(pauseMillis * 2, 20);
        }
    }

    /**
     * Whether every segment of the group has processed the committed event at {@code position}: each is at or beyond
     * it and does not hold it as a gap. (Unlike {@link #hasSeen}, a gap below it that is some other transaction's, still
     * open or rolled back, does not matter: the caller asks about one event it knows committed.)
     */
    public boolean hasProcessed(String group, long position) {
        Map<Integer, TrackingToken> tokens = tokens(group);
        if (tokens.isEmpty()) {
            return false;
        }
        for (TrackingToken token : tokens.values()) {
            if (!processed(token, position)) {
                return false;
            }
        }
        return true;
    }

    static boolean processed(TrackingToken token, long position) {
        TrackingToken at = WrappedToken.unwrapLowerBound(token);
        if (at == null) {
            return false;
        }
        if (at instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return at.position().orElse(-1) >= position;
    }

    /** The position up to which every segment of the group has got (0 when it has not started). */
    public long position(String group) {
        Map<Integer, TrackingToken> tokens = tokens(group);
        long lowest = Long.MAX_VALUE;
        for (TrackingToken token : tokens.values()) {
            // (a replay from the first event has no lower bound yet: it has got nowhere)
            TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
            long at = lower == null ? 0 : lower.position().orElse(0);
            lowest = Math.min(lowest, at);
        }
        return tokens.isEmpty() ? 0 : lowest;
    }

    /** Every segment's token: this node's statuses, completed from the token store when they do not cover it all. */
    public Map<Integer, TrackingToken> tokens(String group) {
        Map<Integer, TrackingToken> tokens = new HashMap<>();
        long covered = 0;
        Optional<StreamingEventProcessor> processor = processing.getObject()
                .eventProcessor(group, StreamingEventProcessor.class);
        if (processor.isPresent()) {
            for (EventTrackerStatus status : processor.get().processingStatus().values()) {
                Segment segment = status.getSegment();
                tokens.put(segment.getSegmentId(), status.getTrackingToken());
                covered += WHOLE / (segment.getMask() + 1L);
            }
        }
        if (covered == WHOLE) {
            return tokens;
        }
        List<Map<String, Object>> stored = jdbc.queryForList(
                "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?", group);
        for (Map<String, Object> row : stored) {
            int segment = ((Number) row.get("segment")).intValue();
            if (!tokens.containsKey(segment)) {
                tokens.put(segment, token((byte[]) row.get("token"), (String) row.get("token_type")));
            }
        }
        return tokens;
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

    /** The read models did not catch up within the bound; the re-renderer's batch fails and is retried. */
    public static final class ReadModelsBehindException extends RuntimeException {

        ReadModelsBehindException(String message) {
            super(message);
        }
    }
}
