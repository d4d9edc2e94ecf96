package cn.fupin.ledger.shared.disbursement;

import org.axonframework.serialization.Revision;

/**
 * The grant batch {@code batchId} of the project {@code projectId} was rejected by {@code rejectedBy} for
 * {@code reason}: every item still requested was rejected with it in the same transaction (each recorded its own
 * {@code DisbursementRejectedEvent}), and nothing of the batch was paid.
 */
@Revision("1")
public record GrantBatchRejectedEvent(String batchId, String projectId, String reason, String rejectedBy) {
}
