package cn.fupin.ledger.ops.app;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The keys a session's forms carry so that a form sent twice (a double click, a reload of the answer) records once.
 * Each form shown gets a new key; the first submission of a key runs, and every later one — even one arriving while
 * the first still runs — gets the first one's result instead of running again. A refused submission releases its key,
 * so the corrected form can be sent with it. A key this session never issued (forged, or from an expired session) is
 * refused. Only the newest {@value #KEPT} keys of a session are kept. Kept in the session, so on the node that
 * serves it (sessions are not shared between nodes).
 */
final class FormKeys {

    static final int KEPT = 50;
    private static final String ATTRIBUTE = FormKeys.class.getName();
    private static final long WAIT_SECONDS = 90;

    /** What a key's first submission came to: its result once it has one. */
    private final Map<String, CompletableFuture<Object>> keys = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Object>> eldest) {
            return size() > KEPT;
        }
    };

    /** The session's keys (made on first use). */
    static FormKeys of(HttpSession session) {
        synchronized (session) {
            FormKeys keys = (FormKeys) session.getAttribute(ATTRIBUTE);
            if (keys == null) {
                keys = new FormKeys();
                session.setAttribute(ATTRIBUTE, keys);
            }
            return keys;
        }
    }

    /** A new key for a form about to be shown. */
    synchronized String issue() {
        String key = UUID.randomUUID().toString();
        keys.put(key, null);
        return key;
    }

    /** Thrown when a form's key is not one this session issued. */
    static final class UnknownKey extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        UnknownKey() {
            super("the form's key is not one this session issued", null, false, false);
        }
    }

    /**
     * Runs {@code work} for the first submission of {@code key}; answers its result to that one and to every later
     * submission of the key. If {@code work} fails, the key is free again and the failure is thrown to the submissions
     * that waited for it as well.
     */
    @SuppressWarnings("unchecked")
    <T> T once(String key, Supplier<T> work) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> first;
        synchronized (this) {
            if (key == null || !keys.containsKey(key)) {
                throw new UnknownKey();
            }
            first = keys.get(key);
            if (first == null) {
                keys.put(key, mine);
            }
        }
        if (first != null) {
            try {
                return (T) first.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the same form was being recorded", e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the same form's first submission did not finish", e);
            }
        }
        try {
            T result = work.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            synchronized (this) {
                keys.put(key, null);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
