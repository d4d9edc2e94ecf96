package cn.fupin.ledger.shared.competition;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The round's submission deadline {@code deadline} passed: no more proposals. Recorded by the deadline scheduled when
 * the round opened; the rule itself is also checked against the ledger's clock at every submission.
 */
@Revision("1")
public record SubmissionsClosedEvent(String competitionId, Instant deadline) {
}
