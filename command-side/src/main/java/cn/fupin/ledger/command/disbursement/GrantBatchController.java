package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.ApproveGrantBatchCommand;
import cn.fupin.ledger.shared.disbursement.GrantBatchId;
import cn.fupin.ledger.shared.disbursement.GrantItem;
import cn.fupin.ledger.shared.disbursement.RejectGrantBatchCommand;
import cn.fupin.ledger.shared.disbursement.SubmitGrantBatchCommand;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Batches of household start-up grants: {@code POST /api/grants/batches} requests one (all items or none),
 * {@code /api/grants/batches/{id}/approve} and {@code /reject} decide every item still requested together.
 */
@RestController
class GrantBatchController {

    private final CommandGateway commands;
    private final NewIds ids;

    GrantBatchController(CommandGateway commands, NewIds ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record ItemRequest(String cardNo, Long amountFen) {
    }

    record BatchRequest(String projectId, String voucherNo, List<ItemRequest> items) {
    }

    record BatchSubmitted(String batchId, List<String> disbursementIds) {
    }

    record ApprovalRequest() {
    }

    record BatchApproved(String batchId, int approved, long totalFen) {
    }

    record BatchRejected(String batchId, int rejected) {
    }

    @PostMapping("/api/grants/batches")
    @ResponseStatus(HttpStatus.CREATED)
    BatchSubmitted submit(@RequestBody BatchRequest request) {
        GrantBatchId batchId = ids.grantBatch();
        List<GrantItem> items = request.items() == null ? null : request.items().stream()
                .map(item -> item == null ? null
                        : new GrantItem(item.cardNo(), item.amountFen() == null ? 0 : item.amountFen()))
                .toList();
        List<String> disbursementIds = commands.sendAndWait(new SubmitGrantBatchCommand(batchId,
                DisbursementController.projectId(request.projectId()), request.voucherNo(), items, Actors.current()));
        return new BatchSubmitted(batchId.value(), disbursementIds);
    }

    @PostMapping("/api/grants/batches/{id}/approve")
    BatchApproved approve(@PathVariable String id, @RequestBody(required = false) ApprovalRequest request) {
        GrantBatchApprover.Approved approved = commands.sendAndWait(
                new ApproveGrantBatchCommand(batchId(id), Actors.current()));
        return new BatchApproved(approved.batchId(), approved.items(), approved.totalFen());
    }

    @PostMapping("/api/grants/batches/{id}/reject")
    BatchRejected reject(@PathVariable String id,
                         @RequestBody(required = false) DisbursementController.ReasonRequest request) {
        GrantBatchRejecter.Rejected rejected = commands.sendAndWait(new RejectGrantBatchCommand(batchId(id),
                DisbursementController.reasonOf(request), Actors.current()));
        return new BatchRejected(rejected.batchId(), rejected.items());
    }

    /** A path that cannot name a grant batch names none: 404, as for a well-formed id nobody submitted. */
    private static GrantBatchId batchId(String id) {
        try {
            return new GrantBatchId(id);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("GRANT_BATCH_NOT_FOUND", "no grant batch has this id");
        }
    }
}
