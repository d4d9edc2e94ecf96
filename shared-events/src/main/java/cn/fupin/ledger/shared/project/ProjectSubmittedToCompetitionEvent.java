package cn.fupin.ledger.shared.project;

import org.axonframework.serialization.Revision;

/**
 * A proposed project entered the competitive round {@code competitionId}, submitted by {@code submittedBy}; until
 * the round closes it can be neither approved nor submitted elsewhere.
 */
@Revision("1")
public record ProjectSubmittedToCompetitionEvent(String projectId, String competitionId, String submittedBy) {
}
