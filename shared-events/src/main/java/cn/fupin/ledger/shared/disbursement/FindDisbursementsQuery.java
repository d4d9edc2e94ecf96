package cn.fupin.ledger.shared.disbursement;

/** Disbursements filtered by project, village, household and status where given ({@code null} means any). */
public record FindDisbursementsQuery(String projectId, String villageCode, String cardNo, DisbursementStatus status) {
}
