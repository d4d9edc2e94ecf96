package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.shared.common.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Publicity before payment (事前公示): a payment is not approved while a notice that lists it, its batch or its project
 * is in its period (DISCLOSURE_PERIOD_OPEN), has an unresolved objection on one of them (OBJECTION_PENDING), or had
 * one upheld and is not corrected yet (CORRECTION_DUE). The approval asks in its own unit of work, in two steps:
 * {@link #lock} first, before it loads the batch or the disbursement (lock order: notice rows, notices by id, then the
 * payment's records), and {@link Held#requireNoHold} once it knows what it pays. Each notice decides by the ledger's
 * clock at that moment. Items listed by no notice are not held, but not paid either: a payment needs a notice that
 * made it public and whose period is over ({@link Held#requireDisclosed}, NOT_DISCLOSED).
 */
@Component
public class PublicityHold {

    private final Notices notices;
    private final NoticeItems noticeItems;
    private final Clock clock;

    @Autowired
    public PublicityHold(Configuration axon, NoticeItems noticeItems, Clock clock) {
        this(Notices.of(axon), noticeItems, clock);
    }

    PublicityHold(Notices notices, NoticeItems noticeItems, Clock clock) {
        this.notices = notices;
        this.noticeItems = noticeItems;
        this.clock = clock;
    }

    /**
     * Locks the rows of the items in the notice index and loads (and locks) every notice that lists any of them, in
     * notice-id order. {@code items} may name more than will be paid (every item of a batch).
     */
    public Held lock(Collection<String> items) {
        Set<String> listing = noticeItems.lockNoticesListing(items);
        return new Held(listing.stream().map(notices::load).toList(), clock);
    }

    /** The notices listing a payment's items, loaded in this unit of work. */
    public static final class Held {

        private final List<Aggregate<Notice>> notices;
        private final Clock clock;

        private Held(List<Aggregate<Notice>> notices, Clock clock) {
            this.notices = notices;
            this.clock = clock;
        }

        /** Refuses (409) when any of the notices holds a payment of {@code paid} now; otherwise nothing. */
        public void requireNoHold(Collection<String> paid) {
            Instant now = clock.instant();
            Set<String> items = Set.copyOf(paid);
            for (Aggregate<Notice> notice : notices) {
                Optional<Refusal> hold = notice.invoke(n -> n.holdOn(items, now));
                if (hold.isPresent()) {
                    throw hold.get();
                }
            }
        }

        /**
         * Refuses (409 NOT_DISCLOSED) unless one of the notices made the payment public before it is paid: listed it
         * as one of {@code listedAs} (a household grant by itself or its batch, on the village's grant list; a
         * village payment by itself or its project, on the project plan) and has ended its period. Asked after
         * {@link #requireNoHold}, so a listing notice still in its period answers DISCLOSURE_PERIOD_OPEN first.
         */
        public void requireDisclosed(String payment, Collection<String> listedAs) {
            Instant now = clock.instant();
            Set<String> names = Set.copyOf(listedAs);
            boolean disclosed = notices.stream().anyMatch(notice -> notice.invoke(n -> n.discloses(names, now)));
            if (!disclosed) {
                throw Refusal.conflict("NOT_DISCLOSED", "payment " + payment + " has not been public yet: it is "
                        + "paid only after a notice listing it (a household's grant on the village's grant list, a "
                        + "village's payment on its project's plan) has been public for its whole period");
            }
        }
    }
}
