package cn.fupin.ledger.shared.competition;

import org.axonframework.serialization.Revision;

/** The reviewer {@code reviewer} declared a conflict of interest with {@code townshipCode} in this round. */
@Revision("1")
public record ConflictOfInterestDeclaredEvent(String competitionId, String reviewer, String townshipCode) {
}
