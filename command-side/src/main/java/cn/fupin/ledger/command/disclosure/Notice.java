package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disclosure.EndNoticePeriodCommand;
import cn.fupin.ledger.shared.disclosure.FileObjectionCommand;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeJson;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticePeriodEndedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import cn.fupin.ledger.shared.disclosure.NoticeSupersededEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionDismissedAsDuplicateEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionFiledEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A published notice (公告公示). Invariants enforced here, because every fact about the notice passes through it and
 * racing commands collide on its event sequence:
 * <ul>
 *   <li>it is published once, with its content, the bytes of its canonical JSON and their SHA-256, the names of its
 *       kind and level, and its period; it never changes afterwards;</li>
 *   <li>an objection is taken only during the period by the ledger's clock, only on an item the notice lists, and not
 *       once a correction superseded the notice (its objections go to the correction);</li>
 *   <li>each objection is resolved once, with a reason; when upheld its item is withdrawn and a correction is due;
 *       several may be dismissed at once as duplicates of one, each naming it;</li>
 *   <li>it is superseded at most once, by a correction for the same place and level;</li>
 *   <li>it answers whether it holds a payment of given items (see {@link #holdOn}).</li>
 * </ul>
 * Publishing (a correction supersedes in the same unit of work), filing and resolving are handled by
 * {@link NoticePublisher}, {@link ObjectionFiler} and {@link ObjectionResolver}, which take the command-side locks
 * in the documented order first.
 */
@Aggregate
public class Notice {

    static final int OBJECTION_TEXT_LENGTH_MAX = FileObjectionCommand.TEXT_LENGTH_MAX;
    static final int CONTACT_LENGTH_MAX = FileObjectionCommand.CONTACT_LENGTH_MAX;
    static final int REASON_LENGTH_MAX = 500;
    /**
     * Objections one notice takes. Anyone may object without logging in, and a per-address rate limit does not stop
     * many addresses: the bound keeps one notice's history loadable. A notice that reaches it is refused further
     * objections (OBJECTIONS_LIMIT_REACHED); the supervision phone and the 12317 hotline remain.
     */
    static final int OBJECTIONS_MAX = 1_000;

    /** Where an objection stands, and who resolved it ({@code null} while pending). */
    private record Objection(String item, boolean resolved, String resolvedBy) {
    }

    @AggregateIdentifier
    private String noticeId;
    private NoticeKind kind;
    private NoticeLevel level;
    private String placeCode;
    private Set<String> items = Set.of();
    private String contentSha256;
    private Instant periodEndsAt;
    private boolean periodEnded;
    private String supersedes;
    private String supersededBy;
    private final Map<String, Objection> objections = new LinkedHashMap<>();
    private final Set<String> withdrawn = new HashSet<>();
    private final Set<String> dismissedAsDuplicates = new HashSet<>();

    protected Notice() {
        // Axon rebuilds the notice from its events.
    }

    /** Publishes the checked and completed content; the publisher checked everything that spans other records. */
    Notice(NoticeContent content, List<String> items, Instant publishedAt, PublicityPeriod period, Actor publisher) {
        if (!content.periodEnd().equals(period.lastDay()) || !period.endsAt().isAfter(publishedAt)) {
            throw new IllegalStateException("a notice is published with the period it announces");
        }
        // The notice's canonical JSON is rendered here, once, and recorded with its hash: what is served later is
        // these bytes, never a rendering of the content by whatever code and names run then.
        apply(NoticePublishedEvent.of(content, items, publishedAt, period.endsAt(), publisher.username()));
    }

    /**
     * Records that the period has ended, once it has by the ledger's clock. Sent by the deadline; one that fires early
     * is refused (PERIOD_NOT_ENDED) and tried again by the scheduler, and a repeated one records nothing.
     */
    @CommandHandler
    void handle(EndNoticePeriodCommand command, Clock clock) {
        if (periodEnded) {
            return;
        }
        if (clock.instant().isBefore(periodEndsAt)) {
            throw Refusal.conflict("PERIOD_NOT_ENDED", "the notice's publicity period has not ended yet");
        }
        apply(new NoticePeriodEndedEvent(noticeId, periodEndsAt));
    }

    /** Records an objection to a listed item during the period; the filer checked the text, sealed the contact. */
    void fileObjection(String objectionId, String item, String text, String contactCiphertext, Instant now) {
        if (!items.contains(item)) {
            throw Refusal.invalidField("ITEM_NOT_LISTED", "item", "the notice does not list this item");
        }
        if (supersededBy != null) {
            throw Refusal.conflict("NOTICE_SUPERSEDED", "the notice was corrected by " + supersededBy
                    + "; object to the correction");
        }
        if (!now.isBefore(periodEndsAt)) {
            throw Refusal.conflict("OBJECTION_PERIOD_ENDED", "the notice's publicity period has ended");
        }
        if (objections.containsKey(objectionId)) {
            throw Refusal.conflict("OBJECTION_EXISTS", "an objection with this id was received already");
        }
        if (objections.size() >= OBJECTIONS_MAX) {
            throw Refusal.conflict("OBJECTIONS_LIMIT_REACHED", "the notice has received " + OBJECTIONS_MAX
                    + " objections, the most one notice takes; call the supervision phone or the 12317 hotline");
        }
        apply(new ObjectionFiledEvent(noticeId, objectionId, item, text, contactCiphertext, now));
    }

    /**
     * Resolves an open objection and returns its item; the resolver checked the reason. When upheld the item is
     * withdrawn and a correction becomes due.
     */
    String resolve(String objectionId, ObjectionResolution outcome, String reason, Actor officer) {
        requireOfficer(officer);
        Objection objection = objections.get(objectionId);
        if (objection == null) {
            throw Refusal.notFound("OBJECTION_NOT_FOUND", "the notice has no objection with this id");
        }
        if (objection.resolved()) {
            throw Refusal.conflict("OBJECTION_ALREADY_RESOLVED", "the objection was resolved already");
        }
        apply(new ObjectionResolvedEvent(noticeId, objectionId, objection.item(), outcome, reason,
                officer.username(), outcome == ObjectionResolution.UPHELD));
        return objection.item();
    }

    /**
     * Dismisses the objections {@code objectionIds} as duplicates of the objection {@code duplicateOf} (重复异议), one
     * event each naming the original, all or none; the dismisser checked the reason and the count. The original must
     * be an objection to this notice that was not itself dismissed as a duplicate; each one dismissed must be another
     * objection to this notice, named once, still pending. Every problem is named at once: DISMISSAL_INVALID (422)
     * for the ids, OBJECTION_ALREADY_RESOLVED (409) for those resolved already.
     */
    void dismissAsDuplicates(List<String> objectionIds, String duplicateOf, String reason, Actor officer) {
        requireOfficer(officer);
        List<FieldProblem> problems = new ArrayList<>();
        if (!objections.containsKey(duplicateOf)) {
            problems.add(FieldProblem.of("duplicateOf", "OBJECTION_NOT_FOUND", "the notice has no objection with "
                    + "this id"));
        } else if (dismissedAsDuplicates.contains(duplicateOf)) {
            problems.add(FieldProblem.of("duplicateOf", "DUPLICATE_OF_DUPLICATE", "this objection was dismissed as a "
                    + "duplicate itself; name the original it duplicates"));
        }
        Set<String> named = new HashSet<>();
        List<FieldProblem> resolved = new ArrayList<>();
        for (int i = 0; i < objectionIds.size(); i++) {
            String objectionId = objectionIds.get(i);
            String field = "objectionIds[" + i + "]";
            if (objectionId.equals(duplicateOf)) {
                problems.add(FieldProblem.of(field, "DUPLICATE_OF_ITSELF", "the original is not its own duplicate"));
            } else if (!named.add(objectionId)) {
                problems.add(FieldProblem.of(field, "LISTED_TWICE", "the objection is named twice"));
            } else if (!objections.containsKey(objectionId)) {
                problems.add(FieldProblem.of(field, "OBJECTION_NOT_FOUND", "the notice has no objection with this id"));
            } else if (objections.get(objectionId).resolved()) {
                resolved.add(FieldProblem.of(field, "OBJECTION_ALREADY_RESOLVED", "the objection was resolved already"));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("DISMISSAL_INVALID", "no objection was dismissed: " + problems.size()
                    + " problem(s)", problems);
        }
        if (!resolved.isEmpty()) {
            throw Refusal.conflict("OBJECTION_ALREADY_RESOLVED", "no objection was dismissed: " + resolved.size()
                    + " of them were resolved already", resolved);
        }
        for (String objectionId : objectionIds) {
            apply(new ObjectionDismissedAsDuplicateEvent(noticeId, objectionId, objections.get(objectionId).item(),
                    duplicateOf, reason, officer.username()));
        }
    }

    private static void requireOfficer(Actor officer) {
        if (!"APPROVER".equals(officer.role()) && !"AUDITOR".equals(officer.role())) {
            throw Refusal.forbidden("NOT_AN_OFFICER", "objections are resolved by an approver or an auditor");
        }
    }

    /** Refuses unless a correction for the same place and level may supersede this notice. */
    void requireSupersedableBy(NoticeLevel correctionLevel, String correctionPlaceCode) {
        if (supersededBy != null) {
            throw Refusal.conflict("NOTICE_ALREADY_SUPERSEDED", "the notice was corrected already by " + supersededBy
                    + "; correct that one");
        }
        if (correctionLevel != level || !placeCode.equals(correctionPlaceCode)) {
            throw Refusal.invalidField("CORRECTION_PLACE_MISMATCH", "placeCode",
                    "a correction is published at the level and place of the notice it corrects");
        }
    }

    /** Records that the correction {@code correctionId} supersedes this notice. */
    void supersede(String correctionId, NoticeLevel correctionLevel, String correctionPlaceCode, String reason) {
        requireSupersedableBy(correctionLevel, correctionPlaceCode);
        apply(new NoticeSupersededEvent(noticeId, correctionId, reason));
    }

    /**
     * Whether the notice holds a payment of any of {@code paid} (the disbursement, its batch, its project) at
     * {@code now}, and why: an unresolved objection on one of them (OBJECTION_PENDING, even once superseded: every
     * objection is answered); an upheld objection withdrew one and no correction has superseded the notice yet
     * (CORRECTION_DUE); or the notice lists one and is in its period (DISCLOSURE_PERIOD_OPEN; a superseded notice's
     * period gives way to its correction's). All 409.
     */
    Optional<Refusal> holdOn(Collection<String> paid, Instant now) {
        for (Map.Entry<String, Objection> objection : objections.entrySet()) {
            if (!objection.getValue().resolved() && paid.contains(objection.getValue().item())) {
                return Optional.of(Refusal.conflict("OBJECTION_PENDING", "an objection (" + objection.getKey()
                        + ") to notice " + noticeId + " on this payment or its project is not resolved yet"));
            }
        }
        if (supersededBy != null) {
            return Optional.empty();
        }
        if (paid.stream().anyMatch(withdrawn::contains)) {
            return Optional.of(Refusal.conflict("CORRECTION_DUE", "an objection to notice " + noticeId
                    + " on this payment or its project was upheld; a correction notice must be published first"));
        }
        if (paid.stream().anyMatch(items::contains) && now.isBefore(periodEndsAt)) {
            LocalDate lastDay = LocalDate.ofInstant(periodEndsAt, PublicityPeriod.CHINA).minusDays(1);
            return Optional.of(Refusal.conflict("DISCLOSURE_PERIOD_OPEN", "notice " + noticeId
                    + " lists this payment or its project and is public until the end of " + lastDay
                    + " (China Standard Time); no payment before its period ends"));
        }
        return Optional.empty();
    }

    /**
     * The first objection on any of {@code paid} that {@code username} resolved (upheld or dismissed), if any: the
     * officer who decided an objection holding a payment does not also approve the payment (four eyes).
     */
    Optional<String> objectionResolvedBy(Collection<String> paid, String username) {
        return objections.entrySet().stream()
                .filter(o -> o.getValue().resolved() && username.equals(o.getValue().resolvedBy())
                        && paid.contains(o.getValue().item()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * Whether the notice, published at {@code level} for {@code placeCode}, made {@code item} public before payment
     * (事前公示) as of {@code now}: it lists the item (not withdrawn by an upheld objection), its period is over, and no
     * correction has replaced it (a correction discloses for itself, with its own period). Whether it is of the right
     * kind is asked of {@link #kind()} (a correction's kind is that of the notice it corrects, see
     * {@link PublicityHold}).
     */
    boolean disclosesAt(String item, NoticeLevel level, String placeCode, Instant now) {
        return supersededBy == null && !now.isBefore(periodEndsAt) && this.level == level
                && this.placeCode.equals(placeCode) && items.contains(item) && !withdrawn.contains(item);
    }

    /** Whether the notice lists the item (withdrawn or not). */
    boolean lists(String item) {
        return items.contains(item);
    }

    NoticeKind kind() {
        return kind;
    }

    /** The notice this one corrects, or {@code null}. */
    String supersedes() {
        return supersedes;
    }

    String contentSha256() {
        return contentSha256;
    }

    @EventSourcingHandler
    void on(NoticePublishedEvent event) {
        noticeId = event.noticeId();
        kind = event.kind();
        level = event.level();
        supersedes = event.supersedes();
        placeCode = event.placeCode();
        items = Set.copyOf(event.items());
        contentSha256 = event.contentSha256();
        periodEndsAt = event.periodEndsAt();
    }

    @EventSourcingHandler
    void on(NoticePeriodEndedEvent event) {
        periodEnded = true;
    }

    @EventSourcingHandler
    void on(ObjectionFiledEvent event) {
        objections.put(event.objectionId(), new Objection(event.item(), false, null));
    }

    @EventSourcingHandler
    void on(ObjectionResolvedEvent event) {
        objections.put(event.objectionId(), new Objection(event.item(), true, event.resolvedBy()));
        if (event.outcome() == ObjectionResolution.UPHELD) {
            withdrawn.add(event.item());
        }
    }

    @EventSourcingHandler
    void on(ObjectionDismissedAsDuplicateEvent event) {
        objections.put(event.objectionId(), new Objection(event.item(), true, event.resolvedBy()));
        dismissedAsDuplicates.add(event.objectionId());
    }

    @EventSourcingHandler
    void on(NoticeSupersededEvent event) {
        supersededBy = event.supersededBy();
    }
}
