package cn.fupin.ledger.shared.disbursement;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.project.ProjectId;

/**
 * A clerk requests a payment (拨付) of {@code amountFen} fen from an approved project to a village
 * ({@code villageCode}, village-targeted projects) or to a household ({@code cardNo}: a start-up grant, household
 * projects) on the voucher {@code voucherNo} (凭证号). Exactly one of {@code villageCode} and {@code cardNo} is given.
 */
public record RequestDisbursementCommand(DisbursementId disbursementId, ProjectId projectId, String villageCode,
                                         String cardNo, long amountFen, String voucherNo, Actor actor) {
}
