package cn.fupin.ledger.shared.place;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Designate a village as a poor village (贫困村) for one year, on the authority of a document. */
public record DesignatePoorVillageCommand(VillageCode villageCode, int year, String documentNo) {

    /** The village's stream ({@code VIL-<code>}), which Axon loads for the command. */
    @TargetAggregateIdentifier
    public String villageStreamId() {
        return villageCode.streamId();
    }
}
