package cn.fupin.ledger.shared.household;

import cn.fupin.ledger.shared.common.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that an exited household fell back into poverty (返贫) in {@code year} and is in the register again. */
public record ReturnHouseholdCommand(HouseholdCardNo cardNo, int year, String reason)
        implements Reasoned {

    /** The household's stream ({@code HH-<card number>}), which Axon loads for the command. */
    @TargetAggregateIdentifier
    public String householdStreamId() {
        return cardNo.streamId();
    }
}
