package cn.fupin.ledger.shared.household;

import cn.fupin.ledger.shared.common.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a household left poverty and exits the register (脱贫退出) in {@code year}. */
public record ExitHouseholdCommand(HouseholdCardNo cardNo, int year, String reason)
        implements Reasoned {

    /** The household's stream ({@code HH-<card number>}), which Axon loads for the command. */
    @TargetAggregateIdentifier
    public String householdStreamId() {
        return cardNo.streamId();
    }
}
