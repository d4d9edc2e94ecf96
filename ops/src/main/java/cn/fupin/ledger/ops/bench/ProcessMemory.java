package cn.fupin.ledger.ops.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The process's memory over a run: the heap's limit, the heap still in use after each garbage collection (what the
 * process keeps alive, at its peak), the share of the run's time spent collecting, and the resident set's high-water
 * mark. The heap pools' own peaks are not added up: each pool peaks at a different moment (the young generation just
 * before every collection), so their sum exceeds even the limit the process ran under.
 */
final class ProcessMemory implements AutoCloseable {

    private final AtomicLong peakLiveBytes = new AtomicLong();
    private final Set<String> heapPools;
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final long startedNanos = System.nanoTime();
    private final long gcMillisAtStart;

    private ProcessMemory() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        gcMillisAtStart = gcMillis();
        NotificationListener listener = this::collected;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException e) {
                        // already gone
                    }
                });
            }
        }
    }

    /** Starts watching the collections from now on. */
    static ProcessMemory watch() {
        return new ProcessMemory();
    }

    /** The heap's limit ({@code -Xmx}, or the JVM's default share of the machine), in MiB. */
    static double heapLimitMiB() {
        return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
    }

    /** The most heap found in use right after a collection since {@link #watch()}, in MiB. */
    double peakLiveHeapMiB() {
        long peak = peakLiveBytes.get();
        return (peak > 0 ? peak : heapUsedNow()) / (1024.0 * 1024.0);
    }

    /** The share of the time since {@link #watch()} spent in garbage collection (0 to 1). */
    double gcShare() {
        double elapsedMillis = (System.nanoTime() - startedNanos) / 1e6;
        return elapsedMillis <= 0 ? 0 : (gcMillis() - gcMillisAtStart) / elapsedMillis;
    }

    /** VmHWM of /proc/self/status (Linux); 0 where there is none. */
    static double peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        unsubscribe.forEach(Runnable::run);
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long live = 0;
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                live += pool.getValue().getUsed();
            }
        }
        peakLiveBytes.accumulateAndGet(live, Math::max);
    }

    private static long heapUsedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(collector.getCollectionTime(), 0);
        }
        return total;
    }
}
