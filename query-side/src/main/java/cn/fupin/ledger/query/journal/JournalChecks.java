package cn.fupin.ledger.query.journal;

import cn.fupin.ledger.query.audit.LedgerEvents;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.journal.Accounts;
import cn.fupin.ledger.shared.journal.CheckJournalQuery;
import cn.fupin.ledger.shared.journal.JournalCheckView;
import cn.fupin.ledger.shared.journal.JournalCheckView.Check;
import cn.fupin.ledger.shared.journal.Posting;
import cn.fupin.ledger.shared.journal.Postings;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journal's self-check as of an instant: checks that compare the journal with the events it was written from, so
 * that a posting written, changed or lost outside the projection is found. (Each event's postings sum to zero by
 * construction; that alone proves nothing about rows changed afterwards.)
 * <ul>
 *   <li>{@value #EVENT_POSTINGS_BALANCE}: the lines of each event still sum to zero;</li>
 *   <li>{@value #POSTINGS_HAVE_EVENTS}: every posting belongs to an event the store holds;</li>
 *   <li>{@value #EVENTS_POSTED}: per event type, as many events and lines are posted as {@link Postings#of} gives
 *       for the stored events;</li>
 *   <li>{@value #ACCOUNT_SIGNS}: no account holds a balance its kind does not allow ({@link Accounts#allows}: a
 *       fund's available or a project's reservation below zero, an appropriation above);</li>
 *   <li>{@value #APPROPRIATIONS_MATCH}: each fund's appropriation account is the sum of its appropriation events.</li>
 * </ul>
 * The journal is written asynchronously: a check made while it catches up with the last events can fail on them, and
 * passes once it has.
 */
@Component
class JournalChecks {

    static final String EVENT_POSTINGS_BALANCE = "EVENT_POSTINGS_BALANCE";
    static final String POSTINGS_HAVE_EVENTS = "POSTINGS_HAVE_EVENTS";
    static final String EVENTS_POSTED = "EVENTS_POSTED";
    static final String ACCOUNT_SIGNS = "ACCOUNT_SIGNS";
    static final String APPROPRIATIONS_MATCH = "APPROPRIATIONS_MATCH";

    private final LedgerEvents events;
    private final JdbcTemplate jdbc;

    JournalChecks(LedgerEvents events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    /** Counts of events and of their lines. */
    private record Counts(long events, long lines) {
        Counts plus(long moreLines) {
            return new Counts(events + 1, lines + moreLines);
        }
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public JournalCheckView handle(CheckJournalQuery query) {
        Instant asOf = query.asOf();
        // Hibernate writes posted_at as the UTC date-time (hibernate.jdbc.time_zone=UTC); compare with the same.
        LocalDateTime cut = LocalDateTime.ofInstant(asOf, ZoneOffset.UTC);
        // What the events up to the instant say: the lines each should post, and each fund's appropriations.
        Map<String, Counts> expected = new TreeMap<>();
        Map<String, Long> appropriatedFen = new TreeMap<>();
        long head = events.lastIndex();
        if (head >= 0) {
            events.walk(-1, event -> {
                if (!event.timestamp().isAfter(asOf)) {
                    List<Posting> lines = Postings.of(event.payload(), event.timestamp());
                    if (!lines.isEmpty()) {
                        expected.merge(event.type(), new Counts(1, lines.size()),
                                (a, b) -> new Counts(a.events() + b.events(), a.lines() + b.lines()));
                    }
                    if (event.payload() instanceof FundsAppropriatedEvent e) {
                        appropriatedFen.merge(e.fundId(), e.amountFen(), Math::addExact);
                    }
                }
                return event.globalIndex() < head;
            });
        }
        List<Check> checks = List.of(
                Check.of(EVENT_POSTINGS_BALANCE, jdbc.query("SELECT event_id, SUM(amount_fen) FROM journal_posting"
                        + " WHERE posted_at <= ? GROUP BY event_id HAVING SUM(amount_fen) <> 0 ORDER BY event_id",
                        (row, n) -> "event " + row.getString(1) + " posts " + row.getLong(2) + " fen", cut)),
                Check.of(POSTINGS_HAVE_EVENTS, jdbc.query("SELECT p.event_id, p.line_no, p.account FROM journal_posting p"
                        + " LEFT JOIN domain_event_entry e ON e.event_identifier = p.event_id"
                        + " WHERE p.posted_at <= ? AND e.event_identifier IS NULL ORDER BY p.event_id, p.line_no",
                        (row, n) -> "posting " + row.getString(1) + "/" + row.getInt(2) + " on " + row.getString(3)
                                + " has no event", cut)),
                Check.of(EVENTS_POSTED, eventsPosted(expected, cut)),
                Check.of(ACCOUNT_SIGNS, accountSigns(cut)),
                Check.of(APPROPRIATIONS_MATCH, appropriationsMatch(appropriatedFen, cut)));
        return new JournalCheckView(asOf, checks.stream().allMatch(Check::ok), checks);
    }

    private List<String> eventsPosted(Map<String, Counts> expected, LocalDateTime cut) {
        Map<String, Counts> posted = new TreeMap<>();
        jdbc.query("SELECT event_type, COUNT(DISTINCT event_id), COUNT(*) FROM journal_posting WHERE posted_at <= ?"
                + " GROUP BY event_type", row -> {
            posted.put(row.getString(1), new Counts(row.getLong(2), row.getLong(3)));
        }, cut);
        TreeSet<String> types = new TreeSet<>(expected.keySet());
        types.addAll(posted.keySet());
        List<String> failures = new ArrayList<>();
        for (String type : types) {
            Counts want = expected.getOrDefault(type, new Counts(0, 0));
            Counts have = posted.getOrDefault(type, new Counts(0, 0));
            if (!want.equals(have)) {
                failures.add(type + ": " + want.events() + " events of " + want.lines() + " lines stored, "
                        + have.events() + " events of " + have.lines() + " lines posted");
            }
        }
        return failures;
    }

    private List<String> accountSigns(LocalDateTime cut) {
        List<String> failures = new ArrayList<>();
        jdbc.query("SELECT account, SUM(amount_fen) FROM journal_posting WHERE posted_at <= ? GROUP BY account"
                + " ORDER BY account", row -> {
            if (!Accounts.allows(row.getString(1), row.getLong(2))) {
                failures.add(row.getString(1) + " " + row.getLong(2) + " fen");
            }
        }, cut);
        return failures;
    }

    private List<String> appropriationsMatch(Map<String, Long> appropriatedFen, LocalDateTime cut) {
        Map<String, Long> journalFen = new TreeMap<>();
        jdbc.query("SELECT account, SUM(amount_fen) FROM journal_posting WHERE posted_at <= ? AND account LIKE ?"
                + " GROUP BY account", row -> {
            journalFen.put(row.getString(1).substring(Accounts.APPROPRIATION.length()), -row.getLong(2));
        }, cut, Accounts.APPROPRIATION + "%");
        TreeSet<String> fundIds = new TreeSet<>(appropriatedFen.keySet());
        fundIds.addAll(journalFen.keySet());
        List<String> failures = new ArrayList<>();
        for (String fundId : fundIds) {
            long events = appropriatedFen.getOrDefault(fundId, 0L);
            long journal = journalFen.getOrDefault(fundId, 0L);
            if (events != journal) {
                failures.add(fundId + ": appropriated " + events + " fen by its events, " + journal
                        + " fen in the journal");
            }
        }
        return failures;
    }
}
