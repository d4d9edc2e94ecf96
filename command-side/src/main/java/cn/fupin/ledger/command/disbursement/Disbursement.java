package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.common.StoredHistory;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRejectedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.util.List;
import java.util.Objects;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A payment (拨付) out of a project's budget to its village or to a household (a start-up grant), id {@code DSB-…}.
 * Its lifecycle is REQUESTED → APPROVED (paid) or REJECTED, and APPROVED → REVERSED (冲销: a new fact that returns the
 * money to the project's budget; the approval itself is never changed). Invariants enforced here:
 * <ul>
 *   <li>every step comes from the step before it, never skipped or repeated;</li>
 *   <li>the approver is not the requester (four eyes);</li>
 *   <li>an item of a grant batch is approved only with its batch, never on its own.</li>
 * </ul>
 * It remembers who requested it, the project, the payee, the amount and its split over the funds, the batch and the
 * voucher, so that its approval, rejection and reversal move exactly that money. The steps that touch the project,
 * its funds and the household are decided by the handlers of this package in one unit of work with it.
 */
@Aggregate
public class Disbursement {

    @AggregateIdentifier
    private String disbursementId;
    private DisbursementStatus status;
    private String projectId;
    private PayeeKind payeeKind;
    private String villageCode;
    private String cardNo;
    private long amountFen;
    private List<BudgetLine> fromFunds;
    private String voucherNo;
    private String batchId;
    private String requestedBy;

    protected Disbursement() {
        // Axon rebuilds the disbursement from its events.
    }

    /** Records a request that the requesting handler has checked in full against the project and the payee. */
    Disbursement(DisbursementRequestedEvent request) {
        apply(request);
    }

    public DisbursementStatus status() {
        return status;
    }

    public String projectId() {
        return projectId;
    }

    public PayeeKind payeeKind() {
        return payeeKind;
    }

    /** The village paid, or for a household's grant the household's village. */
    public String villageCode() {
        return villageCode;
    }

    /** The household paid a start-up grant; {@code null} when the payee is a village. */
    public String cardNo() {
        return cardNo;
    }

    public long amountFen() {
        return amountFen;
    }

    /** The amount per fund, in fund id order: the order in which handlers load and lock the funds. */
    public List<BudgetLine> fromFunds() {
        return fromFunds;
    }

    public String voucherNo() {
        return voucherNo;
    }

    /** The grant batch the disbursement is an item of; {@code null} for one requested on its own. */
    public String batchId() {
        return batchId;
    }

    public String requestedBy() {
        return requestedBy;
    }

    /**
     * Refuses an approval on its own unless the disbursement is requested (DISBURSEMENT_NOT_PENDING), is no item of
     * a batch (BATCH_ITEM: its batch is approved as a whole) and the approver did not request it
     * (SAME_REQUESTER_AND_APPROVER). Checked before any fund is touched.
     */
    void requireApprovableBy(Actor approver) {
        requirePending();
        if (batchId != null) {
            throw Refusal.conflict("BATCH_ITEM", "the disbursement is an item of the grant batch " + batchId
                    + "; approve the batch, which approves its items together");
        }
        requireOtherThanRequester(approver);
    }

    /** Records the approval of a disbursement requested on its own; the funds paid it just before. */
    void approve(Actor approver) {
        requireApprovableBy(approver);
        recordApproval(approver);
    }

    /**
     * Records the approval of an item with its batch {@code batchId}, which checked four eyes and the project; an item
     * that is not requested or not of that batch is a programming error.
     */
    void approveInBatch(String batchId, Actor approver) {
        if (status != DisbursementStatus.REQUESTED || !Objects.equals(this.batchId, batchId)) {
            throw new IllegalStateException("disbursement " + disbursementId + " is " + status + " in batch "
                    + this.batchId + ", not a requested item of " + batchId);
        }
        requireOtherThanRequester(approver);
        recordApproval(approver);
    }

    /** Refuses unless the disbursement is requested and not decided yet (DISBURSEMENT_NOT_PENDING). */
    void requirePending() {
        if (status != DisbursementStatus.REQUESTED) {
            throw Refusal.conflict("DISBURSEMENT_NOT_PENDING",
                    "only a requested disbursement can be approved or rejected; it is " + status);
        }
    }

    /** Records the rejection of a requested disbursement (an item of a batch too); nothing was paid. */
    void reject(String reason, Actor actor) {
        requirePending();
        apply(new DisbursementRejectedEvent(disbursementId, projectId, cardNo, batchId, reason, actor.username()));
    }

    /** Refuses a reversal unless the disbursement was approved and not reversed yet (DISBURSEMENT_NOT_APPROVED). */
    void requireReversible() {
        if (status != DisbursementStatus.APPROVED) {
            throw Refusal.conflict("DISBURSEMENT_NOT_APPROVED", "only an approved payment can be reversed; it is "
                    + status);
        }
    }

    /** Records the reversal of the approved payment; the funds took the money back just before. */
    void reverse(String reason, Actor actor) {
        requireReversible();
        apply(new DisbursementReversedEvent(disbursementId, projectId, payeeKind, villageCode, cardNo, amountFen,
                fromFunds, reason, actor.username()));
    }

    private void requireOtherThanRequester(Actor approver) {
        if (approver.username().equals(requestedBy)) {
            throw Refusal.conflict("SAME_REQUESTER_AND_APPROVER",
                    "the person who requested a payment may not approve it (four eyes)");
        }
    }

    private void recordApproval(Actor approver) {
        apply(new DisbursementApprovedEvent(disbursementId, projectId, payeeKind, villageCode, cardNo, amountFen,
                fromFunds, batchId, approver.username()));
    }

    @EventSourcingHandler
    void on(DisbursementRequestedEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        // The lines are what the funds pay and the journal posts; the amount what the request says. They must agree.
        StoredHistory.requireAgrees("disbursement " + event.disbursementId(), event, sequence, eventId, "amountFen",
                event.amountFen(), StoredHistory.sum(event.fromFunds()));
        disbursementId = event.disbursementId();
        status = DisbursementStatus.REQUESTED;
        projectId = event.projectId();
        payeeKind = event.payeeKind();
        villageCode = event.villageCode();
        cardNo = event.cardNo();
        amountFen = event.amountFen();
        fromFunds = List.copyOf(event.fromFunds());
        voucherNo = event.voucherNo();
        batchId = event.batchId();
        requestedBy = event.requestedBy();
    }

    @EventSourcingHandler
    void on(DisbursementApprovedEvent event) {
        status = DisbursementStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(DisbursementRejectedEvent event) {
        status = DisbursementStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(DisbursementReversedEvent event) {
        status = DisbursementStatus.REVERSED;
    }
}
