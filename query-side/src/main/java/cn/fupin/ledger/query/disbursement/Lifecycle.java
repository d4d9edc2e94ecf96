package cn.fupin.ledger.query.disbursement;

import cn.fupin.ledger.shared.disbursement.DisbursementStatus;

/**
 * A disbursement's lifecycle as the read models follow it: REQUESTED → APPROVED or REJECTED; APPROVED → REVERSED.
 * Every status is reached at most once, so "is this a step forward?" tells a new event from a redelivered or late one
 * without relying on sequence numbers (a disbursement's events may belong to its own stream or to its batch's).
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    public static boolean isStepForward(DisbursementStatus from, DisbursementStatus to) {
        return switch (from) {
            case REQUESTED -> to == DisbursementStatus.APPROVED || to == DisbursementStatus.REJECTED;
            case APPROVED -> to == DisbursementStatus.REVERSED;
            case REJECTED, REVERSED -> false;
        };
    }
}
