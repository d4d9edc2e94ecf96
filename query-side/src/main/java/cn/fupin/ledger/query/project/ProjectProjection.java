package cn.fupin.ledger.query.project;

import cn.fupin.ledger.shared.project.BudgetLine;
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
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps each project, its budget lines and the history of its steps. Idempotent: a project applies each of its
 * events once by sequence number, and a line or a step is stored once by its id, so a redelivered event changes
 * nothing. A project's events arrive in order, so its first event (the proposal) always comes first. Payments are
 * steps too (requested, paid, rejected, reversed), each naming its disbursement; the actor of a payment step comes
 * from the audit metadata, as the payment events of a project name nobody in their payload.
 */
@Component
@ProcessingGroup(ProjectProjection.GROUP)
class ProjectProjection {

    static final String GROUP = "projects";

    /**
     * The audit metadata naming the user whose command caused an event (ops' {@code AuditMetadata.ACTOR}). The events
     * a closing round causes on its projects name nobody in their payload; the metadata still does.
     */
    static final String ACTOR = "actor";

    private final ProjectRepository projects;
    private final ProjectBudgetLineRepository lines;
    private final ProjectStepRepository steps;

    ProjectProjection(ProjectRepository projects, ProjectBudgetLineRepository lines, ProjectStepRepository steps) {
        this.projects = projects;
        this.lines = lines;
        this.steps = steps;
    }

    @EventHandler
    void on(ProjectProposedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (projects.findById(event.projectId()).isEmpty()) {
            projects.save(new ProjectEntity(event, recordedAt, sequence));
        }
        List<BudgetLine> budget = event.budget();
        for (int lineNo = 0; lineNo < budget.size(); lineNo++) {
            if (lines.findById(ProjectBudgetLineEntity.id(event.projectId(), lineNo)).isEmpty()) {
                lines.save(new ProjectBudgetLineEntity(event.projectId(), lineNo, budget.get(lineNo).fundId(),
                        budget.get(lineNo).amountFen()));
            }
        }
        step(event.projectId(), sequence, "PROPOSED", ProjectStatus.PROPOSED, event.proposedBy(), recordedAt, null);
    }

    @EventHandler
    void on(ProjectSubmittedToCompetitionEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.projectId(), sequence, project -> project.submittedTo(event.competitionId()));
        step(event.projectId(), sequence, "SUBMITTED", ProjectStatus.PROPOSED, event.submittedBy(), recordedAt,
                event.competitionId());
    }

    @EventHandler
    void on(ProjectSelectedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue(ACTOR) String actor) {
        change(event.projectId(), sequence, project -> {
            project.submittedTo(event.competitionId());
            project.status(ProjectStatus.SELECTED);
        });
        step(event.projectId(), sequence, "SELECTED", ProjectStatus.SELECTED, actor, recordedAt,
                "%s: rank %d, awarded %d fen".formatted(event.competitionId(), event.rank(), event.awardedFen()));
    }

    @EventHandler
    void on(ProjectRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue(ACTOR) String actor) {
        change(event.projectId(), sequence, project -> {
            project.submittedTo(event.competitionId());
            project.status(ProjectStatus.REJECTED);
        });
        step(event.projectId(), sequence, "REJECTED", ProjectStatus.REJECTED, actor, recordedAt,
                "%s: rank %d, %s".formatted(event.competitionId(), event.rank(), event.reason()));
    }

    @EventHandler
    void on(ProjectApprovedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        long reservedFen = 0;
        for (BudgetLine line : event.reserved()) {
            reservedFen = Math.addExact(reservedFen, line.amountFen());
        }
        long total = reservedFen;
        change(event.projectId(), sequence, project -> project.approved(event.approvalDocNo(), event.approvedBy(), total));
        step(event.projectId(), sequence, "APPROVED", ProjectStatus.APPROVED, event.approvedBy(), recordedAt,
                event.approvalDocNo());
    }

    @EventHandler
    void on(ProjectStartedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.projectId(), sequence, project -> project.status(ProjectStatus.IMPLEMENTING));
        step(event.projectId(), sequence, "STARTED", ProjectStatus.IMPLEMENTING, event.startedBy(), recordedAt, null);
    }

    @EventHandler
    void on(ProjectCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.projectId(), sequence, project -> project.status(ProjectStatus.COMPLETED));
        step(event.projectId(), sequence, "COMPLETED", ProjectStatus.COMPLETED, event.completedBy(), recordedAt,
                event.note());
    }

    @EventHandler
    void on(ProjectAcceptedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.projectId(), sequence, project -> project.released(ProjectStatus.ACCEPTED));
        step(event.projectId(), sequence, "ACCEPTED", ProjectStatus.ACCEPTED, event.acceptedBy(), recordedAt,
                event.result());
    }

    @EventHandler
    void on(ProjectCancelledEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.projectId(), sequence, project -> project.released(ProjectStatus.CANCELLED));
        step(event.projectId(), sequence, "CANCELLED", ProjectStatus.CANCELLED, event.cancelledBy(), recordedAt,
                event.reason());
    }

    @EventHandler
    void on(ProjectPaymentRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue(ACTOR) String actor) {
        ProjectEntity project = change(event.projectId(), sequence, p -> p.paymentRequested(event.amountFen()));
        step(event.projectId(), sequence, "PAYMENT_REQUESTED", project.status(), actor, recordedAt,
                event.disbursementId());
    }

    @EventHandler
    void on(ProjectPaymentSettledEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue(ACTOR) String actor) {
        String step = switch (event.outcome()) {
            case "APPROVED" -> "PAID";
            case "REJECTED" -> "PAYMENT_REJECTED";
            case "REVERSED" -> "PAYMENT_REVERSED";
            default -> throw new IllegalStateException("unknown payment outcome " + event.outcome() + " of "
                    + event.projectId());
        };
        ProjectEntity project = change(event.projectId(), sequence,
                p -> p.paymentSettled(event.outcome(), event.amountFen()));
        step(event.projectId(), sequence, step, project.status(), actor, recordedAt, event.disbursementId());
    }

    private ProjectEntity change(String projectId, long sequence, Consumer<ProjectEntity> change) {
        ProjectEntity project = projects.findById(projectId)
                .orElseThrow(() -> new IllegalStateException("event for a project not yet projected: " + projectId));
        if (project.advanceTo(sequence)) {
            change.accept(project);
            projects.save(project);
        }
        return project;
    }

    private void step(String projectId, long sequence, String step, ProjectStatus status, String actor,
                      Instant recordedAt, String detail) {
        if (steps.findById(ProjectStepEntity.id(projectId, sequence)).isEmpty()) {
            steps.save(new ProjectStepEntity(projectId, sequence, step, status, actor, recordedAt, detail));
        }
    }

    @ResetHandler
    void reset() {
        steps.deleteAllInBatch();
        lines.deleteAllInBatch();
        projects.deleteAllInBatch();
    }
}
