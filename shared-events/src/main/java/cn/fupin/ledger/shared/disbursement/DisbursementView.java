package cn.fupin.ledger.shared.disbursement;

import cn.fupin.ledger.shared.project.BudgetLine;
import java.time.Instant;
import java.util.List;

/**
 * A disbursement as the query side knows it, with who requested, approved, rejected or reversed it, when and why.
 * {@code decidedBy}/{@code decidedAt} name the approval or the rejection; a later reversal is named apart in
 * {@code reversedBy}/{@code reversedAt}, so the approver stays visible. {@code reason} is the rejection's or the
 * reversal's. {@code headNameMasked} shows a household head's surname and last character only (张*明).
 */
public record DisbursementView(String disbursementId, String projectId, PayeeKind payeeKind, String villageCode,
                               String townshipCode, String cardNo, String headNameMasked, long amountFen,
                               List<BudgetLine> fromFunds, String voucherNo, String batchId, DisbursementStatus status,
                               String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
                               String reason, String reversedBy, Instant reversedAt) {
}
