package cn.fupin.ledger.shared.household;

import cn.fupin.ledger.shared.common.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Correct the bank card (一卡通) a household's grants are paid to, for {@code reason}: the card is a new fact beside
 * the registration, never an edit of it. {@code bankCard} is the plain number as typed; it is checked and encrypted by
 * the household, and {@code toString} masks it so that a logged command shows no card.
 */
public record CorrectHouseholdBankCardCommand(HouseholdCardNo cardNo, String bankCard, String reason)
        implements Reasoned {

    /** The household's stream ({@code HH-<card number>}), which Axon loads for the command. */
    @TargetAggregateIdentifier
    public String householdStreamId() {
        return cardNo.streamId();
    }

    @Override
    public String toString() {
        return "CorrectHouseholdBankCardCommand[cardNo=" + cardNo + ", bankCard=" + PersonalData.mask(bankCard)
                + ", reason=" + reason + "]";
    }
}
