package cn.fupin.ledger.ops.processing;

import java.util.OptionalLong;
import java.util.SortedSet;

/**
 * Where the event store's head is and how far each streaming processor has got: what the readiness after a start
 * ({@link StartupCatchUp}) and the processors' lag metrics ({@link ProcessorLagMetrics}) are computed from.
 */
public interface ProcessorPositions {

    /** The global index of the newest event in the store; empty when the store holds no event yet. */
    OptionalLong head();

    /** The names of the streaming (tracking and pooled) processors, one per processing group. */
    SortedSet<String> processors();

    /**
     * The global index up to which every segment of the processor has got: the lowest of its segments' token
     * positions (0 when it has no token yet).
     */
    long position(String processor);

    /**
     * How many global indexes the processor saw skipped and still waits for (the gaps of its gap-aware tokens, all
     * segments together): events of transactions still open, or indexes that were rolled back and age out.
     */
    int gaps(String processor);
}
