package cn.fupin.ledger.shared.household;

import cn.fupin.ledger.shared.common.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An auditor looks at a household's unmasked ID and bank card numbers. The look is itself recorded (as a
 * {@link HouseholdPersonalDataViewedEvent}); the command answers with the {@link HouseholdPersonalData}.
 */
public record RevealHouseholdPersonalDataCommand(HouseholdCardNo cardNo, String reason)
        implements Reasoned {

    /** The household's stream ({@code HH-<card number>}), which Axon loads for the command. */
    @TargetAggregateIdentifier
    public String householdStreamId() {
        return cardNo.streamId();
    }
}
