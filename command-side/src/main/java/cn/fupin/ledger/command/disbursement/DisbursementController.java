package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.disbursement.ApproveDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.RejectDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.RequestDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.ReverseDisbursementCommand;
import cn.fupin.ledger.shared.project.ProjectId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payments: {@code POST /api/disbursements} requests one from a project to its village or to a household,
 * {@code /api/disbursements/{id}/approve}, {@code /reject} and {@code /reverse} decide it. The requests are checked
 * here only for what is needed to build a command; the rules, each with a stable code, are the command handlers'.
 */
@RestController
class DisbursementController {

    private final CommandGateway commands;
    private final NewIds ids;

    DisbursementController(CommandGateway commands, NewIds ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record DisbursementRequest(String projectId, String villageCode, String cardNo, Long amountFen, String voucherNo) {
    }

    record ApprovalRequest() {
    }

    record ReasonRequest(String reason) {
    }

    /** Where the disbursement stands after the step. */
    record DisbursementStep(String disbursementId, DisbursementStatus status) {
    }

    @PostMapping("/api/disbursements")
    @ResponseStatus(HttpStatus.CREATED)
    DisbursementStep request(@RequestBody DisbursementRequest request) {
        DisbursementId disbursementId = ids.disbursement();
        commands.sendAndWait(new RequestDisbursementCommand(disbursementId, projectId(request.projectId()),
                request.villageCode(), request.cardNo(), request.amountFen() == null ? 0 : request.amountFen(),
                request.voucherNo(), Actors.current()));
        return new DisbursementStep(disbursementId.value(), DisbursementStatus.REQUESTED);
    }

    @PostMapping("/api/disbursements/{id}/approve")
    DisbursementStep approve(@PathVariable String id, @RequestBody(required = false) ApprovalRequest request) {
        DisbursementId disbursementId = disbursementId(id);
        commands.sendAndWait(new ApproveDisbursementCommand(disbursementId, Actors.current()));
        return new DisbursementStep(disbursementId.value(), DisbursementStatus.APPROVED);
    }

    @PostMapping("/api/disbursements/{id}/reject")
    DisbursementStep reject(@PathVariable String id, @RequestBody(required = false) ReasonRequest request) {
        DisbursementId disbursementId = disbursementId(id);
        commands.sendAndWait(new RejectDisbursementCommand(disbursementId, reasonOf(request), Actors.current()));
        return new DisbursementStep(disbursementId.value(), DisbursementStatus.REJECTED);
    }

    @PostMapping("/api/disbursements/{id}/reverse")
    DisbursementStep reverse(@PathVariable String id, @RequestBody(required = false) ReasonRequest request) {
        DisbursementId disbursementId = disbursementId(id);
        commands.sendAndWait(new ReverseDisbursementCommand(disbursementId, reasonOf(request), Actors.current()));
        return new DisbursementStep(disbursementId.value(), DisbursementStatus.REVERSED);
    }

    /** A missing body means a missing reason, which the handler refuses with REASON_REQUIRED like a blank one. */
    static String reasonOf(ReasonRequest request) {
        return request == null ? null : request.reason();
    }

    /** The project a request names in its body: PROJECT_ID_REQUIRED or PROJECT_ID_INVALID (422) when it cannot. */
    static ProjectId projectId(String projectId) {
        if (Text.isBlank(projectId)) {
            throw Refusal.invalidField("PROJECT_ID_REQUIRED", "projectId", "a payment names its project");
        }
        try {
            return new ProjectId(projectId.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField("PROJECT_ID_INVALID", "projectId", "a project id looks like PRJ-2016-0001");
        }
    }

    /** A path that cannot name a disbursement names none: 404, as for a well-formed id nobody requested. */
    private static DisbursementId disbursementId(String id) {
        try {
            return new DisbursementId(id);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("DISBURSEMENT_NOT_FOUND", "no disbursement has this id");
        }
    }
}
