package cn.fupin.ledger.shared.household;

import cn.fupin.ledger.shared.place.VillageCode;
import java.util.List;

/**
 * One valid row of an imported household register, {@code line} being its line in the file (the header is line 1).
 * The ID and bank card numbers are value types whose {@code toString} masks them. {@code relatedCadres} are the user
 * names of the cadres the head is declared a relative of (the optional column {@code relatedCadres}), each once.
 */
public record HouseholdRow(
        int line,
        HouseholdCardNo cardNo,
        String headName,
        IdNumber idNumber,
        VillageCode villageCode,
        int members,
        boolean migrant,
        BankCardNumber bankCard,
        List<String> relatedCadres) {

    public HouseholdRow {
        relatedCadres = relatedCadres == null ? List.of() : List.copyOf(relatedCadres);
    }

    /** A row of a register without the column {@code relatedCadres}. */
    public HouseholdRow(int line, HouseholdCardNo cardNo, String headName, IdNumber idNumber, VillageCode villageCode,
                        int members, boolean migrant, BankCardNumber bankCard) {
        this(line, cardNo, headName, idNumber, villageCode, members, migrant, bankCard, List.of());
    }
}
