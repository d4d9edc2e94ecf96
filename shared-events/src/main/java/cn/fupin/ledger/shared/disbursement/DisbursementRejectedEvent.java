package cn.fupin.ledger.shared.disbursement;

import org.axonframework.serialization.Revision;

/** The requested payment was rejected by {@code rejectedBy} for {@code reason}; nothing was paid. */
@Revision("1")
public record DisbursementRejectedEvent(String disbursementId, String projectId, String cardNo, String batchId,
                                        String reason, String rejectedBy) {
}
