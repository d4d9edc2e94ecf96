package cn.fupin.ledger.shared.competition;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The project {@code projectId} of {@code townshipCode} entered the round, asking for {@code requestedFen} fen (its
 * budget line from the round's fund), submitted by {@code submittedBy} at {@code submittedAt} (the ledger's clock;
 * an earlier submission wins a tie in the ranking).
 */
@Revision("1")
public record ProposalSubmittedEvent(String competitionId, String projectId, String townshipCode, String villageCode,
                                     long requestedFen, Instant submittedAt, String submittedBy) {
}
