package cn.fupin.ledger.shared.household;

import org.axonframework.serialization.Revision;

/**
 * The household's one start-up grant (增收项目启动资金) is the disbursement {@code disbursementId} of
 * {@code amountFen} fen from {@code projectId}, requested now; no other grant may be requested for it unless this
 * one is rejected or reversed.
 */
@Revision("1")
public record HouseholdStartupGrantClaimedEvent(String cardNo, String disbursementId, String projectId, long amountFen) {
}
