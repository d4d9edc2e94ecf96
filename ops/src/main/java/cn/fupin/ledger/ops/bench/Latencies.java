package cn.fupin.ledger.ops.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, collected by one thread at a time and merged after; percentiles by rank. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    void add(long nanosTaken) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = nanosTaken;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
    }

    int count() {
        return count;
    }

    /** The latency at or below which {@code percent} of the samples lie, in milliseconds (0 without samples). */
    double percentileMillis(double percent) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1_000_000.0;
    }
}
