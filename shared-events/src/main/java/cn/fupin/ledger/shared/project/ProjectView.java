package cn.fupin.ledger.shared.project;

import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as the query side knows it. {@code reservedFen} is what its funds hold for it now and have not paid (0
 * before approval and after cancellation or acceptance); of that, {@code pendingFen} is asked for by payments waiting
 * for approval. {@code paidFen} is what its approved, unreversed payments paid out. All in fen. {@code history} lists
 * every step with who took it, when and why, payments included (their disbursement id as detail).
 */
public record ProjectView(
        String projectId,
        String name,
        String workArea,
        String workAreaName,
        String villageCode,
        String villageName,
        String townshipCode,
        String townshipName,
        Beneficiary beneficiary,
        List<BudgetLine> budget,
        long budgetTotalFen,
        long reservedFen,
        long pendingFen,
        long paidFen,
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
        ProjectStatus status,
        String competitionId,
        String approvalDocNo,
        String proposedBy,
        String approvedBy,
        List<Step> history) {

    /** One step of the project's life: the event's kind, who, when, and the reason or document where there is one. */
    public record Step(String step, ProjectStatus status, String actor, Instant at, String detail) {
    }
}
