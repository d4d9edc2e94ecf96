package cn.fupin.ledger.shared.disbursement;

/**
 * Disbursements filtered by project, village, household, status and the payee's township where given ({@code null}
 * means any). The township is how a TOWNSHIP user's reads are scoped to its own township.
 */
public record FindDisbursementsQuery(String projectId, String villageCode, String cardNo, DisbursementStatus status,
                                     String townshipCode) {

    /** Any township's. */
    public FindDisbursementsQuery(String projectId, String villageCode, String cardNo, DisbursementStatus status) {
        this(projectId, villageCode, cardNo, status, null);
    }
}
