package cn.fupin.ledger.shared.project;

import org.axonframework.serialization.Revision;

/**
 * The competitive round {@code competitionId} closed without selecting the project; it ranked {@code rank} and
 * {@code reason} says why it got nothing (e.g. the remaining budget did not cover it).
 */
@Revision("1")
public record ProjectRejectedEvent(String projectId, String competitionId, int rank, String reason) {
}
