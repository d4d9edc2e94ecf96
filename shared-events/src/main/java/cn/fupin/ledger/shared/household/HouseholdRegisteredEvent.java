package cn.fupin.ledger.shared.household;

import org.axonframework.serialization.Revision;

/**
 * A poor household was registered (纳入) from an imported register. The ID number and the bank card number are
 * held only as AES-GCM ciphertext ({@code ...Ciphertext}, bound to the card number) and as masked text
 * (last four characters). {@code members} counts people; {@code migrant} marks reservoir-area resettlers
 * (移民贫困户), who are included in every entitlement.
 */
@Revision("1")
public record HouseholdRegisteredEvent(
        String cardNo,
        String headName,
        String idNumberCiphertext,
        String idNumberMasked,
        String bankCardCiphertext,
        String bankCardMasked,
        String villageCode,
        String townshipCode,
        int members,
        boolean migrant,
        String importId) {
}
