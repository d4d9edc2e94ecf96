package cn.fupin.ledger.query.disbursement;

import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRejectedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.util.List;

/**
 * The facts of payment tests, with fixed ids: 金穗社区 (510824100001) of 陵江镇 and a village of 云峰镇, the
 * projects PRJ-PAY-V (a village project) and PRJ-PAY-H (start-up grants), both from two funds of 2074.
 */
public final class Payments {

    public static final String JINSUI = "510824100001";
    public static final String LINGJIANG = "510824100";
    public static final String YUNFENG_VILLAGE = "510824102001";
    public static final String YUNFENG = "510824102";
    public static final String CENTRAL = "FUND-510824-2074-CENTRAL";
    public static final String COUNTY = "FUND-510824-2074-COUNTY";

    private Payments() {
    }

    public static List<BudgetLine> split(long centralFen, long countyFen) {
        return List.of(new BudgetLine(CENTRAL, centralFen), new BudgetLine(COUNTY, countyFen));
    }

    public static HouseholdRegisteredEvent household(String cardNo, String headName, String villageCode) {
        return new HouseholdRegisteredEvent(cardNo, headName, "v1:cipher-id", "**************0011", "v1:cipher-card",
                "***************1234", villageCode, villageCode.substring(0, 9), 3, false, "IMPORT-PAY");
    }

    public static DisbursementRequestedEvent toVillage(String disbursementId, String villageCode, long centralFen,
                                                       long countyFen) {
        return new DisbursementRequestedEvent(disbursementId, "PRJ-PAY-V", PayeeKind.VILLAGE, villageCode,
                villageCode.substring(0, 9), null, centralFen + countyFen, split(centralFen, countyFen),
                "苍扶付〔2074〕" + disbursementId, null, "clerk");
    }

    public static DisbursementRequestedEvent toHousehold(String disbursementId, String cardNo, String villageCode,
                                                         long amountFen, String batchId) {
        return new DisbursementRequestedEvent(disbursementId, "PRJ-PAY-H", PayeeKind.HOUSEHOLD, villageCode,
                villageCode.substring(0, 9), cardNo, amountFen, List.of(new BudgetLine(CENTRAL, amountFen)),
                "苍扶付〔2074〕G1", batchId, "clerk");
    }

    public static DisbursementApprovedEvent approved(DisbursementRequestedEvent requested, String approvedBy) {
        return new DisbursementApprovedEvent(requested.disbursementId(), requested.projectId(), requested.payeeKind(),
                requested.villageCode(), requested.cardNo(), requested.amountFen(), requested.fromFunds(),
                requested.batchId(), approvedBy);
    }

    public static DisbursementRejectedEvent rejected(DisbursementRequestedEvent requested, String reason) {
        return new DisbursementRejectedEvent(requested.disbursementId(), requested.projectId(), requested.cardNo(),
                requested.batchId(), reason, "approver");
    }

    public static DisbursementReversedEvent reversed(DisbursementRequestedEvent requested, String reason) {
        return new DisbursementReversedEvent(requested.disbursementId(), requested.projectId(), requested.payeeKind(),
                requested.villageCode(), requested.cardNo(), requested.amountFen(), requested.fromFunds(), reason,
                "auditor");
    }
}
