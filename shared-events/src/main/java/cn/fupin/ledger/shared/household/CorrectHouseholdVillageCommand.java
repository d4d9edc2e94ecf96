package cn.fupin.ledger.shared.household;

import cn.fupin.ledger.shared.common.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Correct the village a household is registered in ({@code villageCode}, a village of the county), for
 * {@code reason}: a wrong village in the register, or a household resettled. A new fact beside the registration.
 */
public record CorrectHouseholdVillageCommand(HouseholdCardNo cardNo, String villageCode, String reason)
        implements Reasoned {

    /** The household's stream ({@code HH-<card number>}), which Axon loads for the command. */
    @TargetAggregateIdentifier
    public String householdStreamId() {
        return cardNo.streamId();
    }
}
