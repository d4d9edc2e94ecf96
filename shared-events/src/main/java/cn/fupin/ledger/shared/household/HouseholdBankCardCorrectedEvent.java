package cn.fupin.ledger.shared.household;

import org.axonframework.serialization.Revision;

/**
 * A household's bank card (一卡通) was corrected, for {@code reason}: its grants are paid to this card from now on.
 * Like the registration, the card is held only as AES-GCM ciphertext bound to the card number and the field
 * {@code bankCard} ({@code bankCardCiphertext}) and as masked text (last four digits, {@code bankCardMasked});
 * {@code previousBankCardMasked} is the card it replaces, masked, so that the fact reads alone.
 */
@Revision("1")
public record HouseholdBankCardCorrectedEvent(
        String cardNo,
        String bankCardCiphertext,
        String bankCardMasked,
        String previousBankCardMasked,
        String reason) {
}
