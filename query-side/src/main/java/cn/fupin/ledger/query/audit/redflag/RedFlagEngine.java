package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.query.audit.LedgerEvents;
import cn.fupin.ledger.query.audit.PersonalDataReader;
import cn.fupin.ledger.shared.disclosure.WorkingCalendar;
import cn.fupin.ledger.shared.redflag.RedFlagReviewedEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the red-flag rules ({@link RedFlagRules#all}) over the ledger's events and answers their findings at the
 * ledger's clock, with each finding's latest review. The rules are folds kept in memory: each request first feeds
 * them the events stored since the last one (up to the store's head as it was when the request began, so a request
 * never chases writers), then asks them. A restart feeds them the whole history again on the first request; there is
 * no table to migrate or rebuild, and the findings are always those of the events themselves.
 *
 * <p>Global indexes are handed out before their transactions commit, so a slow transaction can commit an event below
 * one already read. Indexes skipped on the way (gaps) are therefore looked for again on later requests while they
 * are within {@value #GAP_WINDOW} indexes of the last one read; a gap older than that is a transaction that rolled back.
 * One lock serialises catching up and answering: the rules are not thread-safe, and an answer is computed from one
 * consistent state.
 */
@Component
public class RedFlagEngine {

    static final int GAP_WINDOW = 1_000;

    /** Reads events after an index, in order, to a visitor until it answers false; returns the last index read. */
    @FunctionalInterface
    interface EventSource {
        long walk(long afterIndex, Predicate<LedgerEvent> visitor);
    }

    private final EventSource source;
    private final LongSupplier head;
    private final Clock clock;
    private final List<RedFlagRule> rules;
    private final Map<String, FindingView.Review> reviews = new HashMap<>();
    private final TreeSet<Long> gaps = new TreeSet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private long last = -1;

    @Autowired
    RedFlagEngine(LedgerEvents events, Clock clock, PersonalDataReader personalData,
                  @Value("${ledger.audit.idle-days-medium:365}") int idleDaysMedium,
                  @Value("${ledger.audit.idle-days-high:730}") int idleDaysHigh,
                  @Value("${ledger.audit.split-threshold-fen:1000000}") long splitThresholdFen,
                  @Value("${ledger.audit.split-margin-percent:10}") int splitMarginPercent,
                  @Value("${ledger.audit.split-window-days:30}") int splitWindowDays,
                  @Value("${ledger.audit.objection-days:20}") int objectionDays,
                  @Value("${ledger.disclosure.holidays:}") List<String> holidays,
                  @Value("${ledger.disclosure.working-weekend-days:}") List<String> workingWeekendDays) {
        this(events::walk, events::lastIndex, clock, RedFlagRules.all(new RedFlagSettings(idleDaysMedium,
                idleDaysHigh, splitThresholdFen, splitMarginPercent, splitWindowDays, objectionDays,
                new WorkingCalendar(dates(holidays), dates(workingWeekendDays))), personalData));
    }

    RedFlagEngine(EventSource source, LongSupplier head, Clock clock, List<RedFlagRule> rules) {
        this.source = source;
        this.head = head;
        this.clock = clock;
        this.rules = List.copyOf(rules);
    }

    private static Set<LocalDate> dates(List<String> configured) {
        return configured == null ? Set.of() : configured.stream().filter(date -> date != null && !date.isBlank())
                .map(date -> LocalDate.parse(date.strip())).collect(Collectors.toSet());
    }

    /** The codes of the rules run, in their order. */
    public List<String> ruleCodes() {
        return rules.stream().map(RedFlagRule::rule).toList();
    }

    /** Every finding that holds now by the ledger's clock, by rule, then from when, then id. */
    public List<FindingView> findings() {
        lock.lock();
        try {
            catchUp();
            Instant now = clock.instant();
            List<FindingView> answer = new ArrayList<>();
            for (RedFlagRule rule : rules) {
                rule.findings(now).forEach(finding -> answer.add(FindingView.of(finding, reviews.get(finding.id()))));
            }
            answer.sort(Comparator.comparing(FindingView::rule).thenComparing(FindingView::since,
                    Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(FindingView::id));
            return answer;
        } finally {
            lock.unlock();
        }
    }

    /** The finding with this id, if it holds now. */
    public Optional<FindingView> find(String id) {
        return findings().stream().filter(finding -> finding.id().equals(id)).findFirst();
    }

    private void catchUp() {
        long until = head.getAsLong();
        if (until <= last && gaps.isEmpty()) {
            return;
        }
        long from = gaps.isEmpty() ? last : gaps.first() - 1;
        source.walk(from, event -> {
            long index = event.globalIndex();
            if (index > last) {
                for (long gap = last < 0 ? index : Math.max(last + 1, index - GAP_WINDOW); gap < index; gap++) {
                    gaps.add(gap);
                }
                last = index;
                feed(event);
            } else if (gaps.remove(index)) {
                feed(event);
            }
            return index < until;
        });
        gaps.headSet(last - GAP_WINDOW).clear();
    }

    private void feed(LedgerEvent event) {
        if (event.payload() instanceof RedFlagReviewedEvent review) {
            reviews.put(review.findingId(), new FindingView.Review(review.reviewedBy(), event.timestamp(),
                    review.reason()));
        }
        rules.forEach(rule -> rule.accept(event));
    }
}
