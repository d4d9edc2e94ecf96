package cn.fupin.ledger.shared.disbursement;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.project.ProjectId;
import java.util.List;

/**
 * A clerk requests start-up grants for up to 1,000 households from one household project on one voucher: every
 * item is valid or nothing is recorded, and a refusal names every bad item.
 */
public record SubmitGrantBatchCommand(GrantBatchId batchId, ProjectId projectId, String voucherNo,
                                      List<GrantItem> items, Actor actor) {
}
