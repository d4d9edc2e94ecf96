package cn.fupin.ledger.shared.project;

import org.axonframework.serialization.Revision;

/**
 * The competitive round {@code competitionId} closed and selected (入选) the project at {@code rank}, awarding it
 * {@code awardedFen} fen from the round's fund; it may now be approved.
 */
@Revision("1")
public record ProjectSelectedEvent(String projectId, String competitionId, int rank, long awardedFen) {
}
