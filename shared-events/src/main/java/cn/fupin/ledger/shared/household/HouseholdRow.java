package cn.fupin.ledger.shared.household;

import cn.fupin.ledger.shared.place.VillageCode;

/**
 * One valid row of an imported household register, {@code line} being its line in the file (the header is line 1).
 * The ID and bank card numbers are value types whose {@code toString} masks them.
 */
public record HouseholdRow(
        int line,
        HouseholdCardNo cardNo,
        String headName,
        IdNumber idNumber,
        VillageCode villageCode,
        int members,
        boolean migrant,
        BankCardNumber bankCard) {
}
