package cn.fupin.ledger.shared.disbursement;

import org.axonframework.serialization.Revision;

/** Every requested item of the batch was approved together by {@code approvedBy}; {@code totalFen} were paid. */
@Revision("1")
public record GrantBatchApprovedEvent(String batchId, String projectId, long totalFen, int items, String approvedBy) {
}
