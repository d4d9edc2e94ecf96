package cn.fupin.ledger.query.audit.reconciliation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one of the ledger's records (journal, aggregates, read models) says about each subject's money: fen by
 * subject, then by measure. A subject or measure it has nothing for is absent, which the comparison reads as 0.
 */
final class Measures {

    static final String APPROPRIATED = "appropriated";
    static final String AVAILABLE = "available";
    static final String RESERVED = "reserved";
    static final String PAID = "paid";

    private final Map<String, Map<String, Long>> fenBySubject = new TreeMap<>();

    /** Adds {@code fen} to the subject's measure, exactly. */
    void add(String subject, String measure, long fen) {
        fenBySubject.computeIfAbsent(subject, s -> new LinkedHashMap<>()).merge(measure, fen, Math::addExact);
    }

    /** Sets the subject's measure. */
    void put(String subject, String measure, long fen) {
        fenBySubject.computeIfAbsent(subject, s -> new LinkedHashMap<>()).put(measure, fen);
    }

    /** Notes the subject, with no amounts yet. */
    void subject(String subject) {
        fenBySubject.computeIfAbsent(subject, s -> new LinkedHashMap<>());
    }

    Long get(String subject, String measure) {
        Map<String, Long> measures = fenBySubject.get(subject);
        return measures == null ? null : measures.get(measure);
    }

    boolean has(String subject) {
        return fenBySubject.containsKey(subject);
    }

    Iterable<String> subjects() {
        return fenBySubject.keySet();
    }
}
