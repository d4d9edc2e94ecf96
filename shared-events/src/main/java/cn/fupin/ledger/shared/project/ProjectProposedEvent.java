package cn.fupin.ledger.shared.project;

import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A project was proposed (申报) by {@code proposedBy}: where ({@code villageCode} in {@code townshipCode}), under
 * which work area, for whom, and its budget lines in fen per fund; {@code budgetTotalFen} is their sum in fen.
 * Optional texts are {@code null} when not given. Nothing is reserved yet: money is reserved on approval.
 *
 * <p>Revision 2: its fund ids carry the county's code ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster}
 * reads revision 1, whose fund ids had none.
 */
@Revision("2")
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
        String personInCharge,
        String supervisionPhone,
        String villagersMeeting,
        String proposedBy) {
}
