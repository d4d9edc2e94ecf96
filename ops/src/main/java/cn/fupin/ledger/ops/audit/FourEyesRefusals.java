package cn.fupin.ledger.ops.audit;

import cn.fupin.ledger.ops.axon.AuditMetadata;
import cn.fupin.ledger.shared.audit.FourEyesRefusalRecordedEvent;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.ApproveDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.ApproveGrantBatchCommand;
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.springframework.stereotype.Component;

/**
 * Refused four-eyes attempts (approving what one proposed or requested, or paying what one cleared of an objection)
 * are facts: the red flag SELF_DEALING_ATTEMPT needs them. {@link RefusedAttempts} records them.
 */
@Component
class FourEyesRefusals implements RefusedAttempts.Recognizer {

    /** The refusal codes of the four-eyes rules (command side: Project, Disbursement, GrantBatch, PublicityHold). */
    static final Set<String> CODES = Set.of("SAME_REQUESTER_AND_APPROVER", "SAME_RESOLVER_AND_APPROVER");

    @Override
    public RefusedAttempts.Attempt attemptOf(CommandMessage<?> command, Refusal refusal, String retryKey) {
        if (!CODES.contains(refusal.code())) {
            return null;
        }
        Object payload = command.getPayload();
        String subject;
        if (payload instanceof ApproveProjectCommand approve) {
            subject = approve.projectId().value();
        } else if (payload instanceof ApproveDisbursementCommand approve) {
            subject = approve.disbursementId().value();
        } else if (payload instanceof ApproveGrantBatchCommand approve) {
            subject = approve.batchId().value();
        } else {
            return null;
        }
        Map<String, Object> metadata = RefusedAttempts.metadataOf(command);
        String actor = (String) metadata.get(AuditMetadata.ACTOR);
        if (actor == null) {
            return null;
        }
        String requestId = (String) metadata.get(AuditMetadata.REQUEST_ID);
        return new RefusedAttempts.Attempt(
                RefusedAttempts.eventId("four-eyes-refusal", actor, retryKey, refusal.code(), subject),
                new FourEyesRefusalRecordedEvent(refusal.code(), payload.getClass().getSimpleName(), subject, actor,
                        (String) metadata.get(AuditMetadata.ROLE), requestId),
                refusal.code(), metadata);
    }
}
