package cn.fupin.ledger.shared.disbursement;

import java.time.Instant;

/**
 * Disbursements filtered by project, village, household, status and the payee's township where given ({@code null}
 * means any), in the order they were requested (request time, then id). The township is how a TOWNSHIP user's reads
 * are scoped to its own township. A page: those after ({@code afterRequestedAt}, {@code afterId}) in that order, at
 * most {@code limit} of them ({@code null}: after none, and every one).
 */
public record FindDisbursementsQuery(String projectId, String villageCode, String cardNo, DisbursementStatus status,
                                     String townshipCode, Instant afterRequestedAt, String afterId, Integer limit) {

    public FindDisbursementsQuery {
        if ((afterRequestedAt == null) != (afterId == null)) {
            throw new IllegalArgumentException("a page starts after a request time and an id, both or neither");
        }
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("a page holds at least one disbursement");
        }
    }

    /** Every one of a township's, or of any township's ({@code townshipCode} null). */
    public FindDisbursementsQuery(String projectId, String villageCode, String cardNo, DisbursementStatus status,
                                  String townshipCode) {
        this(projectId, villageCode, cardNo, status, townshipCode, null, null, null);
    }

    /** Every one, of any township's. */
    public FindDisbursementsQuery(String projectId, String villageCode, String cardNo, DisbursementStatus status) {
        this(projectId, villageCode, cardNo, status, null);
    }
}
