package cn.fupin.ledger.shared.competition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Mark a round's submissions closed because its deadline passed; sent by the deadline scheduled when the round
 * opened. Idempotent: a round already past this point records nothing new.
 */
public record CloseSubmissionsCommand(@TargetAggregateIdentifier CompetitionId competitionId) {
}
