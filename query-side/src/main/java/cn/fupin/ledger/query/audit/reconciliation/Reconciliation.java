package cn.fupin.ledger.query.audit.reconciliation;

import cn.fupin.ledger.query.audit.LedgerEvents;
import cn.fupin.ledger.shared.audit.ReconciliationDifference;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compares the ledger's three records of its money, fund by fund and project by project: the journal's postings
 * ({@link JournalBalances}), what the aggregates hold by their own rules over their events ({@link AggregateBalances})
 * and the read models ({@link ReadModelBalances}). The events are read up to the store's head as it was when the run
 * began, and so are the journal's postings; the read models are read as they are. Every measure on which the three do
 * not all agree is named.
 *
 * <p>A run reads the whole event store (one batch at a time): it is an auditor's question and an hourly task, not a
 * screen. The journal and the read models are written asynchronously, so a run made while they catch up can name a
 * difference that the next run no longer finds; the scheduled task checks a difference again before recording it.
 */
@Component
public class Reconciliation {

    private static final List<String> FUND_MEASURES = List.of(Measures.APPROPRIATED, Measures.AVAILABLE,
            Measures.RESERVED, Measures.PAID);
    private static final List<String> PROJECT_MEASURES = List.of(Measures.RESERVED, Measures.PAID);

    private final LedgerEvents events;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Reconciliation(LedgerEvents events, JdbcTemplate jdbc, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Reconciles the ledger now. */
    public ReconciliationView run() {
        Instant checkedAt = clock.instant();
        long head = events.lastIndex();
        AggregateBalances aggregates = new AggregateBalances();
        if (head >= 0) {
            events.walk(-1, event -> {
                aggregates.accept(event);
                return event.globalIndex() < head;
            });
        }
        Measures journalFunds = new Measures();
        Measures journalProjects = new Measures();
        JournalBalances.read(jdbc, head, journalFunds, journalProjects);
        Measures readFunds = new Measures();
        Measures readProjects = new Measures();
        ReadModelBalances.read(jdbc, readFunds, readProjects);

        List<ReconciliationDifference> differences = new ArrayList<>();
        int funds = compare(FUND_MEASURES, journalFunds, aggregates.funds(), readFunds, differences);
        int projects = compare(PROJECT_MEASURES, journalProjects, aggregates.projects(), readProjects, differences);
        return new ReconciliationView(checkedAt, head, funds, projects, differences, differences.isEmpty());
    }

    /** Adds the differences of every subject any of the three knows; returns how many subjects there are. */
    private static int compare(List<String> measures, Measures journal, Measures aggregate, Measures readModel,
                               List<ReconciliationDifference> differences) {
        TreeSet<String> subjects = new TreeSet<>();
        journal.subjects().forEach(subjects::add);
        aggregate.subjects().forEach(subjects::add);
        readModel.subjects().forEach(subjects::add);
        for (String subject : subjects) {
            for (String measure : measures) {
                Long journalFen = journal.get(subject, measure);
                Long aggregateFen = aggregate.get(subject, measure);
                Long readModelFen = readModel.get(subject, measure);
                long journalOff = Math.subtractExact(zeroIfNull(journalFen), zeroIfNull(aggregateFen));
                long readModelOff = Math.subtractExact(zeroIfNull(readModelFen), zeroIfNull(aggregateFen));
                if (journalOff != 0 || readModelOff != 0) {
                    differences.add(new ReconciliationDifference(subject, measure, journalFen, aggregateFen,
                            readModelFen, journalOff != 0 ? journalOff : readModelOff));
                }
            }
        }
        return subjects.size();
    }

    private static long zeroIfNull(Long fen) {
        return fen == null ? 0 : fen;
    }
}
