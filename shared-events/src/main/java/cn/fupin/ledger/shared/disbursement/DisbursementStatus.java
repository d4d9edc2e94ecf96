package cn.fupin.ledger.shared.disbursement;

/** REQUESTED → APPROVED (paid) or REJECTED; APPROVED → REVERSED (the money went back to the project's budget). */
public enum DisbursementStatus {
    REQUESTED,
    APPROVED,
    REJECTED,
    REVERSED
}
