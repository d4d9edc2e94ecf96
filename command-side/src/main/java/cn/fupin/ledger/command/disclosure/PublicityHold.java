package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * made it public and whose period is over ({@link Held#requireDisclosed}, NOT_DISCLOSED) — of the right kind, at the
 * right village, naming it ({@link Disclosure}). Any notice listing an item holds it; only those disclose it.
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

    /**
     * What makes a payment public before it is paid (事前公示): a notice of {@code kind} at the village
     * {@code villageCode}, listing {@code listedAs}.
     *
     * @param payment     the disbursement paid
     * @param kind        GRANT_LIST for a household's grant, PROJECT_PLAN for a payment to a village
     * @param villageCode the household's village, or the village paid
     * @param listedAs    the grant's own disbursement id, or the village payment's project id
     */
    public record Disclosure(String payment, NoticeKind kind, String villageCode, String listedAs) {

        /**
         * A household's start-up grant is public on a grant list (到户资金公示) of the household's village naming the
         * grant itself: a list naming only its batch does not name the household, and a notice at the township or
         * the county is not where neighbours check neighbours.
         */
        public static Disclosure ofGrant(String disbursementId, String villageCode) {
            return new Disclosure(disbursementId, NoticeKind.GRANT_LIST, villageCode, disbursementId);
        }

        /** A payment to a village is public on its project's plan (项目计划公示) at that village. */
        public static Disclosure ofVillagePayment(String disbursementId, String projectId, String villageCode) {
            return new Disclosure(disbursementId, NoticeKind.PROJECT_PLAN, villageCode, projectId);
        }

        String describe() {
            return kind == NoticeKind.GRANT_LIST
                    ? "a grant list (到户资金公示) of village " + villageCode + " naming it"
                    : "the plan (项目计划公示) of its project " + listedAs + " at village " + villageCode;
        }
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
         * Refuses (409 SAME_RESOLVER_AND_APPROVER) an approver who resolved an objection, on any of the notices, to
         * any of {@code paid} (the payment, its batch, its project; a batch's items): whoever decided that an
         * objection no longer holds a payment does not also pay it (four eyes, as between requester and approver).
         */
        public void requireNotResolvedBy(Collection<String> paid, Actor approver) {
            Set<String> items = Set.copyOf(paid);
            for (Aggregate<Notice> notice : notices) {
                Optional<String> resolved = notice.invoke(n -> n.objectionResolvedBy(items, approver.username()));
                if (resolved.isPresent()) {
                    throw Refusal.conflict("SAME_RESOLVER_AND_APPROVER", "you resolved objection " + resolved.get()
                            + " to notice " + notice.identifierAsString() + " on this payment, its batch or its "
                            + "project; another officer approves it (four eyes)");
                }
            }
        }

        /**
         * Refuses (409 NOT_DISCLOSED) unless one of the notices made the payment public before it is paid, as
         * {@code disclosure} says: of the right kind, at the right village, naming the payment (or its project), its
         * period over, not withdrawn, not replaced. Asked after {@link #requireNoHold}, so a listing notice still in
         * its period answers DISCLOSURE_PERIOD_OPEN first.
         */
        public void requireDisclosed(Disclosure disclosure) {
            Instant now = clock.instant();
            Map<String, Aggregate<Notice>> byId = new HashMap<>();
            notices.forEach(notice -> byId.put(notice.identifierAsString(), notice));
            boolean disclosed = notices.stream().anyMatch(notice -> notice.invoke(n -> n.disclosesAt(
                    disclosure.listedAs(), NoticeLevel.VILLAGE, disclosure.villageCode(), now))
                    && disclosure.kind() == kindOf(notice, disclosure.listedAs(), byId));
            if (!disclosed) {
                throw Refusal.conflict("NOT_DISCLOSED", "payment " + disclosure.payment() + " has not been public "
                        + "yet: it is paid only after " + disclosure.describe() + " has been public for its whole "
                        + "period");
            }
        }

        /**
         * What a notice announces for disclosure: its own kind, or for a correction (更正公告) the kind of the notice it
         * corrects, followed back along the chain of corrections among the notices loaded; a correction discloses only
         * what the notice it corrects listed as well, so a notice of the chain that does not list {@code item}, or
         * that is not loaded here (it lists none of the payment's items), ends the chain with no kind.
         */
        private static NoticeKind kindOf(Aggregate<Notice> notice, String item,
                                         Map<String, Aggregate<Notice>> byId) {
            Aggregate<Notice> current = notice;
            for (int step = 0; step <= byId.size(); step++) {
                NoticeKind kind = current.invoke(Notice::kind);
                if (kind != NoticeKind.CORRECTION) {
                    return kind;
                }
                Aggregate<Notice> corrected = byId.get(current.invoke(Notice::supersedes));
                if (corrected == null || !corrected.invoke(n -> n.lists(item))) {
                    return null;
                }
                current = corrected;
            }
            return null;
        }
    }
}
