package cn.fupin.ledger.shared.household;

/** A household's unmasked personal numbers, as only an auditor may see them. {@code toString} masks them. */
public record HouseholdPersonalData(String idNumber, String bankCard) {

    @Override
    public String toString() {
        return "HouseholdPersonalData[idNumber=" + PersonalData.mask(idNumber) + ", bankCard=" + PersonalData.mask(bankCard) + "]";
    }
}
