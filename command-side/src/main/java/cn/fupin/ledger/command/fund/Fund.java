package cn.fupin.ledger.command.fund;

import cn.fupin.ledger.command.common.StoredHistory;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.fund.AppropriateFundsCommand;
import cn.fupin.ledger.shared.fund.FiscalYear;
import cn.fupin.ledger.shared.fund.FundDisbursementReversedEvent;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The money of one source for one fiscal year. Invariants enforced here, because every appropriation of the
 * fund passes through this aggregate and two racing commands collide on its event sequence:
 * <ul>
 *   <li>every appropriation is a positive number of fen, with a document number;</li>
 *   <li>a document number is appropriated to a fund at most once (a document entered twice is a typing error);</li>
 *   <li>the fund's total fits in a {@code long} (exact arithmetic, never wraps);</li>
 *   <li>it never promises more than it holds: reserved + disbursed &le; appropriated, always;</li>
 *   <li>its totals are the sums of its events' amounts; a stored history whose recorded totals disagree with them
 *       fails loudly, naming the event.</li>
 * </ul>
 * Reservations are granted and released by the handlers that decide over a project and its funds in one unit of
 * work ({@code ProjectApprover}, {@code ProjectCanceller}, ...), through {@link #reserve} and {@link #release}.
 * Payments are made from a project's reservation, and reversed back into it, by the disbursement handlers through
 * {@link #disburse} and {@link #reverseDisbursement}: a payment moves money from reserved to disbursed, so what the
 * fund can still promise does not change.
 */
// Snapshots (ops AxonConfiguration.SNAPSHOT_TRIGGER): the revision of this class's fields; raise it when they change,
// so that snapshots of the old shape are ignored and the aggregate is built from its events.
@Revision("1")
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger")
public class Fund {

    static final int DOCUMENT_NO_LENGTH_MAX = 64;
    static final int NOTE_LENGTH_MAX = 500;

    @AggregateIdentifier
    private String fundId;
    private long appropriatedFen;
    private long reservedFen;
    /** Paid out of the fund's reservations and not reversed. */
    private long disbursedFen;
    /** What the fund holds reserved and not yet paid, per project. */
    private final Map<String, Long> reservedFenByProject = new HashMap<>();
    /** What the fund has paid and not reversed, per project. */
    private final Map<String, Long> disbursedFenByProject = new HashMap<>();
    private final Set<String> documentNos = new HashSet<>();
    private final Set<String> appropriationIds = new HashSet<>();

    protected Fund() {
        // Axon rebuilds the fund from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AppropriateFundsCommand command) {
        requireValid(command.fiscalYear(), command.source(), command.amountFen(), command.documentNo(), command.note());
        if (command.fundId().fiscalYear() != command.fiscalYear() || command.fundId().source() != command.source()) {
            throw Refusal.conflict("FUND_MISMATCH", "the fund does not hold money of that source and year");
        }
        if (appropriationIds.contains(command.appropriationId())) {
            throw Refusal.conflict("DUPLICATE_APPROPRIATION", "this appropriation is recorded already");
        }
        String documentNo = command.documentNo().strip();
        if (documentNos.contains(documentNo)) {
            throw Refusal.conflict("DUPLICATE_DOCUMENT_NO",
                    "an appropriation with this document number is recorded for this fund already");
        }
        long total;
        try {
            total = Math.addExact(appropriatedFen, command.amountFen());
        } catch (ArithmeticException overflow) {
            throw Refusal.conflict("AMOUNT_OVERFLOW", "the fund's total would exceed what the ledger can hold");
        }
        apply(new FundsAppropriatedEvent(command.fundId().value(), command.appropriationId(), command.fiscalYear(),
                command.source(), command.amountFen(), documentNo, blankToNull(command.note())));
    }

    /** What the fund can still promise, in fen: appropriated - reserved - disbursed. Never negative. */
    public long availableFen() {
        return appropriatedFen - reservedFen - disbursedFen;
    }

    /** What the fund holds reserved for one project and has not paid, in fen (0 when nothing). */
    public long reservedFor(String projectId) {
        return reservedFenByProject.getOrDefault(projectId, 0L);
    }

    /** What the fund has paid for one project and not reversed, in fen (0 when nothing). */
    public long disbursedFor(String projectId) {
        return disbursedFenByProject.getOrDefault(projectId, 0L);
    }

    /** What the fund has paid in all and not reversed, in fen. */
    public long disbursedFen() {
        return disbursedFen;
    }

    /**
     * Reserves {@code amountFen} for the project, or refuses with FUND_OVERDRAWN when the fund cannot promise that
     * much. Reserving exactly what is available leaves the fund at 0 available.
     */
    public void reserve(String projectId, long amountFen) {
        if (projectId == null || amountFen <= 0) {
            throw new IllegalArgumentException("a reservation is a positive amount for a project");
        }
        long available = availableFen();
        if (amountFen > available) {
            throw Refusal.conflict("FUND_OVERDRAWN", "the fund " + fundId + " has " + available
                    + " fen available, less than the " + amountFen + " fen asked for");
        }
        apply(new FundsReservedEvent(fundId, projectId, amountFen, Math.addExact(reservedFen, amountFen),
                available - amountFen));
        requireCovered();
    }

    /**
     * Gives back {@code amountFen} of what the fund holds reserved for the project, because the project was
     * {@code reason} (CANCELLED or ACCEPTED). Releasing more than the project's reservation is a programming error.
     */
    public void release(String projectId, long amountFen, String reason) {
        if (projectId == null || amountFen <= 0 || Text.isBlank(reason)) {
            throw new IllegalArgumentException("a release is a positive amount for a project, with a reason");
        }
        long reservedForProject = reservedFor(projectId);
        if (amountFen > reservedForProject) {
            throw new IllegalStateException("fund " + fundId + " holds " + reservedForProject + " fen for project "
                    + projectId + " and cannot release " + amountFen);
        }
        long reservedAfter = reservedFen - amountFen;
        apply(new FundReservationReleasedEvent(fundId, projectId, amountFen, reason, reservedAfter,
                appropriatedFen - reservedAfter - disbursedFen));
        requireCovered();
    }

    /**
     * Pays {@code amountFen} out of what the fund holds reserved for the project, for the disbursement
     * {@code disbursementId}: reserved goes down, disbursed goes up by the same amount, and what the fund can still
     * promise does not change. The project decided the split of the payment over its funds from what each holds for
     * it, so paying more than the project's reservation here is a programming error, not a refusal.
     */
    public void disburse(String projectId, String disbursementId, long amountFen) {
        if (projectId == null || disbursementId == null || amountFen <= 0) {
            throw new IllegalArgumentException("a payment is a positive amount for a project and a disbursement");
        }
        long reservedForProject = reservedFor(projectId);
        if (amountFen > reservedForProject) {
            throw new IllegalStateException("fund " + fundId + " holds " + reservedForProject + " fen for project "
                    + projectId + " and cannot pay " + amountFen);
        }
        long reservedAfter = reservedFen - amountFen;
        long disbursedAfter = Math.addExact(disbursedFen, amountFen);
        apply(new FundsDisbursedEvent(fundId, projectId, disbursementId, amountFen, reservedAfter, disbursedAfter,
                appropriatedFen - reservedAfter - disbursedAfter));
        requireCovered();
    }

    /**
     * Takes back a payment of {@code amountFen} made for the project by the disbursement {@code disbursementId}: the
     * money is held reserved for the project again (冲销). Reversing more than the fund paid for the project is a
     * programming error.
     */
    public void reverseDisbursement(String projectId, String disbursementId, long amountFen) {
        if (projectId == null || disbursementId == null || amountFen <= 0) {
            throw new IllegalArgumentException("a reversal is a positive amount for a project and a disbursement");
        }
        long disbursedForProject = disbursedFor(projectId);
        if (amountFen > disbursedForProject) {
            throw new IllegalStateException("fund " + fundId + " paid " + disbursedForProject + " fen for project "
                    + projectId + " and cannot take back " + amountFen);
        }
        long reservedAfter = Math.addExact(reservedFen, amountFen);
        long disbursedAfter = disbursedFen - amountFen;
        apply(new FundDisbursementReversedEvent(fundId, projectId, disbursementId, amountFen, reservedAfter,
                disbursedAfter, appropriatedFen - reservedAfter - disbursedAfter));
        requireCovered();
    }

    /** The fund's central invariant, checked after every change of its reservations: a broken one is a bug. */
    private void requireCovered() {
        // The totals are the sums of the projects' amounts, and no project holds or was paid a negative amount.
        boolean perProjectCovered = reservedFenByProject.values().stream().allMatch(fen -> fen > 0)
                && disbursedFenByProject.values().stream().allMatch(fen -> fen > 0)
                && reservedFenByProject.values().stream().mapToLong(Long::longValue).sum() == reservedFen
                && disbursedFenByProject.values().stream().mapToLong(Long::longValue).sum() == disbursedFen;
        if (reservedFen < 0 || disbursedFen < 0 || availableFen() < 0 || !perProjectCovered) {
            throw new IllegalStateException("fund " + fundId + " promises more than it holds: appropriated "
                    + appropriatedFen + ", reserved " + reservedFen + ", disbursed " + disbursedFen);
        }
    }

    private static void requireValid(int fiscalYear, FundSource source, long amountFen, String documentNo, String note) {
        if (!FiscalYear.isValid(fiscalYear)) {
            throw Refusal.invalidField("FISCAL_YEAR_OUT_OF_RANGE", "fiscalYear", "the fiscal year is outside 2000-2100");
        }
        if (source == null) {
            throw Refusal.invalidField("SOURCE_REQUIRED", "source", "a fund source is required");
        }
        if (amountFen <= 0) {
            throw Refusal.invalidField("AMOUNT_NOT_POSITIVE", "amountFen", "an appropriation is a positive number of fen");
        }
        if (Text.isBlank(documentNo)) {
            throw Refusal.invalidField("DOCUMENT_NO_REQUIRED", "documentNo", "an appropriation needs its document number (文号)");
        }
        if (documentNo.strip().length() > DOCUMENT_NO_LENGTH_MAX || Text.hasAnyControlCharacters(documentNo.strip())) {
            throw Refusal.invalidField("DOCUMENT_NO_INVALID", "documentNo", "the document number is too long or holds control characters");
        }
        if (note != null && (note.length() > NOTE_LENGTH_MAX || Text.hasControlCharacters(note))) {
            throw Refusal.invalidField("NOTE_INVALID", "note", "the note is too long or holds control characters");
        }
    }

    private static String blankToNull(String text) {
        return Text.isBlank(text) ? null : text.strip();
    }

    // The fund's totals are derived from the amounts of its events, never taken from the totals an event records (a
    // stored history whose numbers disagree would otherwise make the fund promise money it does not hold). An
    // appropriation records no total since its revision 2. The totals a reservation, a release, a payment or a reversal
    // records, so that the event alone shows them, must agree with the derived ones: a history where they do not
    // fails loudly, naming the event.

    @EventSourcingHandler
    void on(FundsAppropriatedEvent event) {
        fundId = event.fundId();
        appropriatedFen = Math.addExact(appropriatedFen, event.amountFen());
        documentNos.add(event.documentNo());
        appropriationIds.add(event.appropriationId());
    }

    @EventSourcingHandler
    void on(FundsReservedEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        reservedFen = Math.addExact(reservedFen, event.amountFen());
        add(reservedFenByProject, event.projectId(), event.amountFen());
        agrees(event, sequence, eventId, "reservedTotalFen", event.reservedTotalFen(), reservedFen);
        agrees(event, sequence, eventId, "availableFen", event.availableFen(), availableFen());
    }

    @EventSourcingHandler
    void on(FundReservationReleasedEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        reservedFen = Math.subtractExact(reservedFen, event.amountFen());
        add(reservedFenByProject, event.projectId(), -event.amountFen());
        agrees(event, sequence, eventId, "reservedTotalFen", event.reservedTotalFen(), reservedFen);
        agrees(event, sequence, eventId, "availableFen", event.availableFen(), availableFen());
    }

    @EventSourcingHandler
    void on(FundsDisbursedEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        reservedFen = Math.subtractExact(reservedFen, event.amountFen());
        disbursedFen = Math.addExact(disbursedFen, event.amountFen());
        add(reservedFenByProject, event.projectId(), -event.amountFen());
        add(disbursedFenByProject, event.projectId(), event.amountFen());
        agrees(event, sequence, eventId, "reservedTotalFen", event.reservedTotalFen(), reservedFen);
        agrees(event, sequence, eventId, "disbursedTotalFen", event.disbursedTotalFen(), disbursedFen);
        agrees(event, sequence, eventId, "availableFen", event.availableFen(), availableFen());
    }

    @EventSourcingHandler
    void on(FundDisbursementReversedEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        reservedFen = Math.addExact(reservedFen, event.amountFen());
        disbursedFen = Math.subtractExact(disbursedFen, event.amountFen());
        add(reservedFenByProject, event.projectId(), event.amountFen());
        add(disbursedFenByProject, event.projectId(), -event.amountFen());
        agrees(event, sequence, eventId, "reservedTotalFen", event.reservedTotalFen(), reservedFen);
        agrees(event, sequence, eventId, "disbursedTotalFen", event.disbursedTotalFen(), disbursedFen);
        agrees(event, sequence, eventId, "availableFen", event.availableFen(), availableFen());
    }

    private void agrees(Object event, long sequence, String eventId, String field, long recordedFen, long derivedFen) {
        StoredHistory.requireAgrees("fund " + fundId, event, sequence, eventId, field, recordedFen, derivedFen);
    }

    /** Adds to a project's amount, leaving out projects that come to 0. */
    private static void add(Map<String, Long> fenByProject, String projectId, long fen) {
        long after = Math.addExact(fenByProject.getOrDefault(projectId, 0L), fen);
        if (after == 0) {
            fenByProject.remove(projectId);
        } else {
            fenByProject.put(projectId, after);
        }
    }
}
