package cn.fupin.ledger.shared.project;

import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A project was proposed (申报) by {@code proposedBy}: where ({@code villageCode} in {@code townshipCode}), under
 * which work area, for whom, and its budget lines in fen per fund; {@code budgetTotalFen} is their sum in fen.
 * Optional texts are {@code null} when not given. {@code subsidyStandardFen} is a household project's subsidy
 * standard per household in fen (每户补助标准; {@code subsidyStandard} then states it in words too): no start-up grant
 * from the project is above it; {@code null} when none was given. Nothing is reserved yet: money is reserved on
 * approval.
 *
 * <p>Revision 2 added {@code subsidyStandardFen}; a revision 1 event is read with it {@code null}
 * ({@code ProjectProposedEventUpcaster}). Revision 3: its fund ids carry the county's code
 * ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster} reads revision 2, whose fund ids had none.
 */
@Revision("3")
public record ProjectProposedEvent(
        String projectId,
        String name,
        String workArea,
        String villageCode,
        String townshipCode,
        Beneficiary beneficiary,
        List<BudgetLine> budget,
        long budgetTotalFen,
        String implementer,
        String supervisor,
        LocalDate startDate,
        LocalDate endDate,
        int expectedHouseholds,
        Integer expectedPeople,
        String description,
        String benefitMechanism,
        String subsidyStandard,
        Long subsidyStandardFen,
        String personInCharge,
        String supervisionPhone,
        String villagersMeeting,
        String proposedBy) {

    /** A proposal with no subsidy standard in fen, as every proposal of revision 1 was. */
    public ProjectProposedEvent(String projectId, String name, String workArea, String villageCode,
                                String townshipCode, Beneficiary beneficiary, List<BudgetLine> budget,
                                long budgetTotalFen, String implementer, String supervisor, LocalDate startDate,
                                LocalDate endDate, int expectedHouseholds, Integer expectedPeople, String description,
                                String benefitMechanism, String subsidyStandard, String personInCharge,
                                String supervisionPhone, String villagersMeeting, String proposedBy) {
        this(projectId, name, workArea, villageCode, townshipCode, beneficiary, budget, budgetTotalFen, implementer,
                supervisor, startDate, endDate, expectedHouseholds, expectedPeople, description, benefitMechanism,
                subsidyStandard, null, personInCharge, supervisionPhone, villagersMeeting, proposedBy);
    }
}
