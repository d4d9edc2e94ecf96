package cn.fupin.ledger.shared.household;

import java.util.List;

/**
 * A household as staff see it. The ID and bank card numbers are masked here; only an auditor's recorded view
 * unmasks them. {@code grants} lists the start-up grants received (empty until grants exist). {@code toString}
 * masks the numbers in either case, so that an auditor's view cannot leak into a log (Spring MVC writes the answer's
 * {@code toString} at DEBUG).
 */
public record HouseholdView(
        String cardNo,
        String headName,
        String idNumber,
        String bankCard,
        String villageCode,
        String villageName,
        String townshipCode,
        String townshipName,
        int members,
        boolean migrant,
        HouseholdStatus status,
        List<StatusChange> history,
        List<Grant> grants) {

    @Override
    public String toString() {
        return "HouseholdView[cardNo=" + cardNo + ", headName=" + headName
                + ", idNumber=" + PersonalData.mask(idNumber) + ", bankCard=" + PersonalData.mask(bankCard)
                + ", villageCode=" + villageCode + ", villageName=" + villageName
                + ", townshipCode=" + townshipCode + ", townshipName=" + townshipName
                + ", members=" + members + ", migrant=" + migrant + ", status=" + status
                + ", history=" + history + ", grants=" + grants + "]";
    }

    /** One change of status: the year, the new status and the reason given. */
    public record StatusChange(HouseholdStatus status, Integer year, String reason, java.time.Instant recordedAt) {
    }

    /** One start-up grant received. */
    public record Grant(String disbursementId, String projectId, long amountFen, String status) {
    }
}
