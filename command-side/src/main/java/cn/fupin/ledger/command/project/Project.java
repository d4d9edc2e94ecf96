package cn.fupin.ledger.command.project;

import cn.fupin.ledger.command.common.StoredHistory;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.CompleteProjectCommand;
import cn.fupin.ledger.shared.project.ProjectAcceptedEvent;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectCancelledEvent;
import cn.fupin.ledger.shared.project.ProjectCompletedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentRequestedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.project.ProjectRejectedEvent;
import cn.fupin.ledger.shared.project.ProjectSelectedEvent;
import cn.fupin.ledger.shared.project.ProjectStartedEvent;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectSubmittedToCompetitionEvent;
import cn.fupin.ledger.shared.project.StartProjectCommand;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project (项目) of one of the plan's key work areas, from its proposal to its acceptance (DOMAIN.md, "Lifecycle"):
 * PROPOSED → (in a competitive round) SELECTED or REJECTED → APPROVED → IMPLEMENTING → COMPLETED → ACCEPTED, and
 * CANCELLED from PROPOSED, SELECTED, APPROVED or IMPLEMENTING. Invariants enforced here:
 * <ul>
 *   <li>every step comes from the step before it, never skipped or repeated;</li>
 *   <li>a project is in at most one round at a time, only while proposed, and cannot be approved while in it;</li>
 *   <li>the approver is not the proposer (four eyes);</li>
 *   <li>what its funds hold for it is exactly its budget from approval until cancellation or acceptance, when what
 *       was not paid goes back;</li>
 *   <li>payments (DOMAIN.md, "implementing (disbursed in tranches)") are requested only while it is approved or being
 *       implemented, and never for more than is left of a budget line: reserved − paid − pending, per fund;</li>
 *   <li>it is not cancelled or accepted while a payment is pending, and a paid payment is not reversed into a
 *       project that is closed (accepted or cancelled), whose funds hold nothing for it any more.</li>
 * </ul>
 * Steps that touch other aggregates (the proposal, approval, cancellation and acceptance, which reserve and release
 * money of the funds, or enter and leave a round) are decided by handlers in this package and by the round's own
 * handlers, which call the methods below in the same unit of work.
 */
// Snapshots (ops AxonConfiguration.SNAPSHOT_TRIGGER): the revision of this class's fields; raise it when they change,
// so that snapshots of the old shape are ignored and the aggregate is built from its events.
@Revision("1")
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger")
public class Project {

    static final int NOTE_LENGTH_MAX = 2000;

    /** Where a project may pay from its budget (DOMAIN.md, "approved → ... → implementing (disbursed in tranches)"). */
    private static final Set<ProjectStatus> PAYABLE = EnumSet.of(ProjectStatus.APPROVED, ProjectStatus.IMPLEMENTING);

    /** A project whose funds hold nothing for it any more: a payment reversed now would have nowhere to go. */
    private static final Set<ProjectStatus> CLOSED = EnumSet.of(ProjectStatus.ACCEPTED, ProjectStatus.CANCELLED);

    /** Where a project may be cancelled from: not once it is finished, refused or cancelled already. */
    private static final Set<ProjectStatus> CANCELLABLE = EnumSet.of(ProjectStatus.PROPOSED, ProjectStatus.SELECTED,
            ProjectStatus.APPROVED, ProjectStatus.IMPLEMENTING);

    @AggregateIdentifier
    private String projectId;
    private ProjectStatus status;
    private String proposedBy;
    private String townshipCode;
    private String villageCode;
    private Beneficiary beneficiary;
    private Long subsidyStandardFen;
    private List<BudgetLine> budget;
    /** The round the project entered, kept after the round closes; {@code null} when it never entered one. */
    private String competitionId;
    /** What its funds reserved for it, what was paid and what is pending, per fund (rebuilt from the events). */
    private final ProjectBudget money = new ProjectBudget();

    protected Project() {
        // Axon rebuilds the project from its events.
    }

    /** Records a proposal that {@link ProjectProposer} has checked in full. */
    Project(ProjectProposedEvent proposal) {
        apply(proposal);
    }

    public String townshipCode() {
        return townshipCode;
    }

    public String villageCode() {
        return villageCode;
    }

    /** A household project's subsidy standard per household in fen, above which no grant goes; or {@code null}. */
    public Long subsidyStandardFen() {
        return subsidyStandardFen;
    }

    public ProjectStatus status() {
        return status;
    }

    /** Whom the project's money reaches: its village as a whole, or poor households (DOMAIN.md, "Targeting"). */
    public Beneficiary beneficiary() {
        return beneficiary;
    }

    /** Whether a payment is requested and neither approved nor rejected yet. */
    public boolean hasPendingPayments() {
        return money.pendingCount() > 0;
    }

    /** What is left to request from the budget, in fen: reserved − paid − pending over all funds. */
    public long leftToPayFen() {
        return money.leftToPayFen();
    }

    /** The round the project entered (and, once it closed, the round that selected or rejected it); or {@code null}. */
    public String competitionId() {
        return competitionId;
    }

    /** Whether the project is in a round that has not decided about it yet. */
    public boolean inCompetition() {
        return status == ProjectStatus.PROPOSED && competitionId != null;
    }

    /** The fen the project's budget takes from the fund; 0 when it has no line from that fund. */
    public long budgetFrom(String fundId) {
        return budget.stream().filter(line -> line.fundId().equals(fundId)).mapToLong(BudgetLine::amountFen).sum();
    }

    String proposedBy() {
        return proposedBy;
    }

    /** The budget lines in fund id order: the order in which handlers load and lock the funds. */
    List<BudgetLine> budgetByFund() {
        List<BudgetLine> lines = new ArrayList<>(budget);
        lines.sort(Comparator.comparing(BudgetLine::fundId));
        return List.copyOf(lines);
    }

    /** What the funds hold for the project and was not paid, per fund in fund id order; lines of 0 left out. */
    List<BudgetLine> unpaidReservations() {
        return money.unpaidReservations();
    }

    /** Refuses a payment unless the project is approved or being implemented (PROJECT_NOT_PAYABLE). */
    public void requirePayable() {
        if (!PAYABLE.contains(status)) {
            throw Refusal.conflict("PROJECT_NOT_PAYABLE",
                    "only an approved project or one being implemented pays from its budget; it is " + status);
        }
    }

    /** Refuses a reversal into a project that is accepted or cancelled (PROJECT_CLOSED). */
    public void requireOpenForReversal() {
        if (CLOSED.contains(status)) {
            throw Refusal.conflict("PROJECT_CLOSED", "the project is " + status
                    + "; its funds hold nothing for it any more, so a payment cannot be reversed into it");
        }
    }

    /** How a payment is taken from the budget, fund by fund ({@link ProjectBudget#split}; PROJECT_BUDGET_EXCEEDED). */
    public List<BudgetLine> split(long amountFen) {
        return money.split(amountFen);
    }

    /**
     * Records a payment of {@code amountFen} fen, split over the funds as {@code fromFunds} (from {@link #split}),
     * as pending until it is approved or rejected. Refuses PROJECT_NOT_PAYABLE; lines that do not add up to the amount
     * or take more than is left are a programming error.
     */
    public void requestPayment(String disbursementId, long amountFen, List<BudgetLine> fromFunds) {
        requirePayable();
        money.requireRequestable(disbursementId, amountFen, fromFunds);
        apply(new ProjectPaymentRequestedEvent(projectId, disbursementId, amountFen, List.copyOf(fromFunds)));
    }

    /**
     * Records how a payment ended: APPROVED (pending → paid; refuses PROJECT_NOT_PAYABLE), REJECTED (pending
     * released) or REVERSED (paid → back in the budget; refuses PROJECT_CLOSED). The amount and lines are the
     * payment's own; any others, or a payment the project does not hold in that state, are a programming error.
     */
    public void settlePayment(String disbursementId, DisbursementStatus outcome, long amountFen,
                              List<BudgetLine> fromFunds) {
        Objects.requireNonNull(outcome, "outcome");
        switch (outcome) {
            case APPROVED -> requirePayable();
            case REVERSED -> requireOpenForReversal();
            case REJECTED -> { }
            case REQUESTED -> throw new IllegalArgumentException("a payment is settled as approved, rejected or reversed");
        }
        money.requireSettleable(disbursementId, outcome, amountFen, fromFunds);
        apply(new ProjectPaymentSettledEvent(projectId, disbursementId, outcome.name(), amountFen,
                List.copyOf(fromFunds)));
    }

    /**
     * Enters the project into the round {@code competitionId}, which draws on {@code fundId}. A TOWNSHIP user submits
     * only their own township's projects; the project must be proposed, in no round, and ask for money from the
     * round's fund.
     */
    public void enterCompetition(String competitionId, String fundId, Actor actor) {
        Objects.requireNonNull(competitionId, "competitionId");
        requireOwnTownship(actor);
        if (status != ProjectStatus.PROPOSED) {
            throw Refusal.conflict("PROJECT_NOT_PROPOSED", "only a proposed project can enter a round; it is " + status);
        }
        if (inCompetition()) {
            throw Refusal.conflict("PROJECT_IN_COMPETITION", "the project is in a competitive round already");
        }
        if (budgetFrom(fundId) <= 0) {
            throw Refusal.conflict("NOT_FUNDED_BY_ROUND", "the project has no budget line from the round's fund");
        }
        apply(new ProjectSubmittedToCompetitionEvent(projectId, competitionId, actor.username()));
    }

    /** The round selected the project when it closed. Calling this for a project not in that round is a bug. */
    public void select(String competitionId, int rank, long awardedFen) {
        requireInRound(competitionId, rank);
        if (awardedFen < 0) {
            throw new IllegalArgumentException("an award is not negative: " + awardedFen);
        }
        apply(new ProjectSelectedEvent(projectId, competitionId, rank, awardedFen));
    }

    /** The round closed without selecting the project. Calling this for a project not in that round is a bug. */
    public void reject(String competitionId, int rank, String reason) {
        requireInRound(competitionId, rank);
        apply(new ProjectRejectedEvent(projectId, competitionId, rank, reason));
    }

    private void requireInRound(String competitionId, int rank) {
        if (!inCompetition() || !this.competitionId.equals(competitionId)) {
            throw new IllegalStateException("project " + projectId + " is not waiting for the round " + competitionId
                    + " (status " + status + ", round " + this.competitionId + ")");
        }
        if (rank < 1) {
            throw new IllegalArgumentException("ranks start at 1: " + rank);
        }
    }

    /**
     * Refuses the approval unless the approver is not the proposer and the project is proposed outside a round or
     * selected by one. Checked before any fund is touched.
     */
    void requireApprovableBy(Actor approver) {
        if (approver.username().equals(proposedBy)) {
            throw Refusal.conflict("SAME_REQUESTER_AND_APPROVER",
                    "the person who proposed a project may not approve it (four eyes)");
        }
        if (inCompetition()) {
            throw Refusal.conflict("PROJECT_IN_COMPETITION",
                    "the project is in a competitive round; it can be approved once the round selects it");
        }
        if (status != ProjectStatus.PROPOSED && status != ProjectStatus.SELECTED) {
            throw Refusal.conflict("PROJECT_NOT_APPROVABLE", "only a proposed or selected project can be approved; it is "
                    + status);
        }
    }

    /** Records the approval; {@link ProjectApprover} has reserved every budget line from its fund just before. */
    void approve(String approvalDocNo, Actor approver) {
        requireApprovableBy(approver);
        apply(new ProjectApprovedEvent(projectId, approvalDocNo, budgetByFund(), approver.username()));
    }

    /** Refuses a cancellation of a project that is finished, refused or cancelled already, or of another township. */
    void requireCancellableBy(Actor actor) {
        requireOwnTownship(actor);
        if (!CANCELLABLE.contains(status)) {
            throw Refusal.conflict("PROJECT_NOT_CANCELLABLE", "a project that is " + status + " cannot be cancelled");
        }
        requireNoPendingPayments();
    }

    /** Refuses to close the project while a payment waits for its decision: approve or reject it first. */
    private void requireNoPendingPayments() {
        if (hasPendingPayments()) {
            throw Refusal.conflict("PAYMENTS_PENDING", money.pendingCount()
                    + " payment(s) of the project are requested and not decided; approve or reject them first");
        }
    }

    /** Records the cancellation; the caller has released {@link #unpaidReservations()} from the funds just before. */
    void cancel(String reason, Actor actor) {
        requireCancellableBy(actor);
        apply(new ProjectCancelledEvent(projectId, status, reason, unpaidReservations(), actor.username()));
    }

    void requireAcceptable() {
        if (status != ProjectStatus.COMPLETED) {
            throw Refusal.conflict("PROJECT_NOT_COMPLETED", "only a completed project can be accepted; it is " + status);
        }
        requireNoPendingPayments();
    }

    /** Records the acceptance; the caller has released {@link #unpaidReservations()} from the funds just before. */
    void accept(String result, Actor actor) {
        requireAcceptable();
        apply(new ProjectAcceptedEvent(projectId, result, unpaidReservations(), actor.username()));
    }

    @CommandHandler
    void handle(StartProjectCommand command) {
        if (status != ProjectStatus.APPROVED) {
            throw Refusal.conflict("PROJECT_NOT_APPROVED", "only an approved project can start; it is " + status);
        }
        apply(new ProjectStartedEvent(projectId, command.actor().username()));
    }

    @CommandHandler
    void handle(CompleteProjectCommand command) {
        String note = command.note();
        if (note != null && (note.strip().length() > NOTE_LENGTH_MAX || Text.hasControlCharacters(note))) {
            throw Refusal.invalidField("NOTE_INVALID", "note", "the note is too long or holds control characters");
        }
        if (status != ProjectStatus.IMPLEMENTING) {
            throw Refusal.conflict("PROJECT_NOT_IMPLEMENTING", "only a project being implemented can be completed; it is "
                    + status);
        }
        apply(new ProjectCompletedEvent(projectId, Text.isBlank(note) ? null : note.strip(), command.actor().username()));
    }

    /** A TOWNSHIP user acts only on their own township's projects (DOMAIN.md, "Who uses the ledger"). */
    private void requireOwnTownship(Actor actor) {
        if ("TOWNSHIP".equals(actor.role()) && !townshipCode.equals(actor.townshipCode())) {
            throw Refusal.forbidden("OTHER_TOWNSHIP", "a township may act only on its own township's projects");
        }
    }

    @EventSourcingHandler
    void on(ProjectProposedEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        StoredHistory.requireAgrees("project " + event.projectId(), event, sequence, eventId, "budgetTotalFen",
                event.budgetTotalFen(), StoredHistory.sum(event.budget()));
        projectId = event.projectId();
        status = ProjectStatus.PROPOSED;
        proposedBy = event.proposedBy();
        townshipCode = event.townshipCode();
        villageCode = event.villageCode();
        beneficiary = event.beneficiary();
        subsidyStandardFen = event.subsidyStandardFen();
        budget = List.copyOf(event.budget());
    }

    @EventSourcingHandler
    void on(ProjectSubmittedToCompetitionEvent event) {
        competitionId = event.competitionId();
    }

    @EventSourcingHandler
    void on(ProjectSelectedEvent event) {
        status = ProjectStatus.SELECTED;
    }

    @EventSourcingHandler
    void on(ProjectRejectedEvent event) {
        status = ProjectStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ProjectApprovedEvent event) {
        status = ProjectStatus.APPROVED;
        money.reserve(event.reserved());
    }

    @EventSourcingHandler
    void on(ProjectPaymentRequestedEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        StoredHistory.requireAgrees("project " + projectId, event, sequence, eventId, "amountFen", event.amountFen(),
                StoredHistory.sum(event.fromFunds()));
        money.requested(event.disbursementId(), event.fromFunds());
    }

    @EventSourcingHandler
    void on(ProjectPaymentSettledEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        StoredHistory.requireAgrees("project " + projectId, event, sequence, eventId, "amountFen", event.amountFen(),
                StoredHistory.sum(event.fromFunds()));
        money.settled(event.disbursementId(), DisbursementStatus.valueOf(event.outcome()), event.fromFunds());
    }

    @EventSourcingHandler
    void on(ProjectStartedEvent event) {
        status = ProjectStatus.IMPLEMENTING;
    }

    @EventSourcingHandler
    void on(ProjectCompletedEvent event) {
        status = ProjectStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(ProjectAcceptedEvent event) {
        status = ProjectStatus.ACCEPTED;
        money.release(event.released());
    }

    @EventSourcingHandler
    void on(ProjectCancelledEvent event) {
        status = ProjectStatus.CANCELLED;
        money.release(event.released());
    }
}
