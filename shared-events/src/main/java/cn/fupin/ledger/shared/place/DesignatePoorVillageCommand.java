package cn.fupin.ledger.shared.place;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Designate a village as a poor village (贫困村) for one year, on the authority of a document. */
public record DesignatePoorVillageCommand(@TargetAggregateIdentifier VillageCode villageCode, int year, String documentNo) {
}
