package cn.fupin.ledger.command.project;

import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.project.AcceptProjectCommand;
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.CancelProjectCommand;
import cn.fupin.ledger.shared.project.CompleteProjectCommand;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProposeProjectCommand;
import cn.fupin.ledger.shared.project.StartProjectCommand;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's steps: {@code POST /api/projects} proposes one, {@code /api/projects/{id}/approve}, {@code /start},
 * {@code /complete}, {@code /accept} and {@code /cancel} move it on. The requests are checked here only for what is
 * needed to build a command (types, the shape of codes); the rules, with a stable code per field, are the command
 * handlers', so that a client sees one complete list of what is wrong.
 */
@RestController
class ProjectController {

    private final CommandGateway commands;
    private final NewIds ids;

    ProjectController(CommandGateway commands, NewIds ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record BudgetLineRequest(String fundId, @NotNull Long amountFen) {
    }

    record ProposalRequest(
            String name,
            String workArea,
            @Pattern(regexp = "\\d{12}", message = "a village code has 12 digits") String villageCode,
            Beneficiary beneficiary,
            @Valid List<BudgetLineRequest> budget,
            String implementer,
            String supervisor,
            LocalDate startDate,
            LocalDate endDate,
            @NotNull Integer expectedHouseholds,
            Integer expectedPeople,
            String description,
            String benefitMechanism,
            String subsidyStandard,
            Long subsidyStandardFen,
            String personInCharge,
            String supervisionPhone,
            String villagersMeeting) {
    }

    record ProjectProposed(String projectId) {
    }

    record ApprovalRequest(String approvalDocNo) {
    }

    record CancellationRequest(String reason) {
    }

    record StartRequest() {
    }

    record CompletionRequest(String note) {
    }

    record AcceptanceRequest(String result) {
    }

    /** Where the project stands after the step. */
    record ProjectStep(String projectId, ProjectStatus status) {
    }

    @PostMapping("/api/projects")
    @ResponseStatus(HttpStatus.CREATED)
    ProjectProposed propose(@Valid @RequestBody ProposalRequest request) {
        ProjectId projectId = ids.project();
        List<BudgetLine> budget = request.budget() == null ? null : request.budget().stream()
                .map(line -> line == null ? null : new BudgetLine(line.fundId(), line.amountFen()))
                .toList();
        commands.sendAndWait(new ProposeProjectCommand(projectId, request.name(), request.workArea(),
                request.villageCode() == null ? null : new VillageCode(request.villageCode()), request.beneficiary(),
                budget, request.implementer(), request.supervisor(), request.startDate(), request.endDate(),
                request.expectedHouseholds(), request.expectedPeople(), request.description(),
                request.benefitMechanism(), request.subsidyStandard(), request.subsidyStandardFen(),
                request.personInCharge(),
                request.supervisionPhone(), request.villagersMeeting(), Actors.current()));
        return new ProjectProposed(projectId.value());
    }

    @PostMapping("/api/projects/{id}/approve")
    ProjectStep approve(@PathVariable String id, @Valid @RequestBody ApprovalRequest request) {
        ProjectId projectId = projectId(id);
        commands.sendAndWait(new ApproveProjectCommand(projectId, request.approvalDocNo(), Actors.current()));
        return new ProjectStep(projectId.value(), ProjectStatus.APPROVED);
    }

    @PostMapping("/api/projects/{id}/start")
    ProjectStep start(@PathVariable String id, @RequestBody(required = false) StartRequest request) {
        ProjectId projectId = projectId(id);
        sendToProject(new StartProjectCommand(projectId, Actors.current()));
        return new ProjectStep(projectId.value(), ProjectStatus.IMPLEMENTING);
    }

    @PostMapping("/api/projects/{id}/complete")
    ProjectStep complete(@PathVariable String id, @RequestBody(required = false) CompletionRequest request) {
        ProjectId projectId = projectId(id);
        sendToProject(new CompleteProjectCommand(projectId, request == null ? null : request.note(), Actors.current()));
        return new ProjectStep(projectId.value(), ProjectStatus.COMPLETED);
    }

    @PostMapping("/api/projects/{id}/accept")
    ProjectStep accept(@PathVariable String id, @Valid @RequestBody AcceptanceRequest request) {
        ProjectId projectId = projectId(id);
        commands.sendAndWait(new AcceptProjectCommand(projectId, request.result(), Actors.current()));
        return new ProjectStep(projectId.value(), ProjectStatus.ACCEPTED);
    }

    @PostMapping("/api/projects/{id}/cancel")
    ProjectStep cancel(@PathVariable String id, @Valid @RequestBody CancellationRequest request) {
        ProjectId projectId = projectId(id);
        commands.sendAndWait(new CancelProjectCommand(projectId, request.reason(), Actors.current()));
        return new ProjectStep(projectId.value(), ProjectStatus.CANCELLED);
    }

    /** A path that cannot name a project names none: 404, as for a well-formed id nobody proposed. */
    private static ProjectId projectId(String id) {
        try {
            return new ProjectId(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    /**
     * Sends a command that the project aggregate handles itself; Axon answers an unknown id with its own exception,
     * which becomes the same refusal the other steps give.
     */
    private void sendToProject(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof AggregateNotFoundException) {
                    throw notFound();
                }
            }
            throw e;
        }
    }

    private static Refusal notFound() {
        return Refusal.notFound("PROJECT_NOT_FOUND", "no project has this id");
    }
}
