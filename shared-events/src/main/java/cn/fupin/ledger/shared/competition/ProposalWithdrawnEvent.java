package cn.fupin.ledger.shared.competition;

import org.axonframework.serialization.Revision;

/** The project {@code projectId} left the open round because it was cancelled ({@code reason}); it is not ranked. */
@Revision("1")
public record ProposalWithdrawnEvent(String competitionId, String projectId, String reason) {
}
