package cn.fupin.ledger.ops.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** A closed-loop load: a number of clients, each doing one operation after another, measured after a warm-up. */
final class Loads {

    private Loads() {
    }

    /** The result of one load: completed operations over the time measured, their latencies and failures. */
    record Load(long completed, long errors, Duration measured, Latencies latencies) {

        double perSecond() {
            return completed / (measured.toNanos() / 1e9);
        }
    }

    interface Operation {
        /** One operation of client {@code client}, its {@code n}th; answers whether it succeeded. */
        boolean run(int client, long n) throws Exception;
    }

    /** Runs {@code clients} threads doing {@code operation} for the warm-up, then for the measured duration. */
    static Load run(int clients, Duration warmUp, Duration duration, Operation operation)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime() + warmUp.toNanos();
        long end = start + duration.toNanos();
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Future<Latencies>> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(pool.submit(() -> {
                Latencies latencies = new Latencies();
                long n = 0;
                while (true) {
                    long began = System.nanoTime();
                    if (began - end >= 0) {
                        return latencies;
                    }
                    boolean ok;
                    try {
                        ok = operation.run(client, n++);
                    } catch (Exception e) {
                        ok = false;
                    }
                    long took = System.nanoTime() - began;
                    if (began - start >= 0) {
                        if (ok) {
                            completed.incrementAndGet();
                            latencies.add(took);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
            }));
        }
        Latencies all = new Latencies();
        for (Future<Latencies> thread : threads) {
            all.addAll(thread.get());
        }
        pool.shutdown();
        return new Load(completed.get(), errors.get(), duration, all);
    }
}
