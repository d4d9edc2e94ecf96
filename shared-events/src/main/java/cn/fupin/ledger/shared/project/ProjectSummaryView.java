package cn.fupin.ledger.shared.project;

import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as the public pages list it: what {@link ProjectView} says of it, without its history. A grant project
 * takes one step per payment (thousands over its years), so a page that lists a township's projects reads these
 * instead, each with what it has paid: {@code paidFen} (approved, unreversed payments, in fen) and
 * {@code paidPayments}, how many payments that is (approved ones less reversed ones).
 */
public record ProjectSummaryView(
        String projectId,
        String name,
        String workAreaName,
        String villageCode,
        String villageName,
        String townshipCode,
        String townshipName,
        Beneficiary beneficiary,
        List<BudgetLine> budget,
        long budgetTotalFen,
        long paidFen,
        long paidPayments,
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
        String approvalDocNo) {

    public ProjectSummaryView {
        budget = budget == null ? List.of() : List.copyOf(budget);
    }
}
