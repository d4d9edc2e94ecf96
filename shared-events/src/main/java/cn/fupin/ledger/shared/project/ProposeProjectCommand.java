package cn.fupin.ledger.shared.project;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.LocalDate;
import java.util.List;

/**
 * Propose (申报) a project in {@code villageCode} under the key work area {@code workArea}, for {@code beneficiary},
 * paid from the {@code budget} lines (fen per fund). {@code implementer} is the implementing subject (实施主体,
 * usually the village), {@code supervisor} the supervising subject (监管主体, the township government). The optional
 * fields feed the project's public notice: what is built, the subsidy standard, the person in charge, the
 * supervision phone (an office number, never a household's), the expected people and how the project helps
 * people out of poverty, and the villagers' meeting that decided it (一事一议). {@code subsidyStandardFen} is, for a
 * household project, its subsidy standard per household in fen (每户补助标准): no start-up grant from the project is
 * above it; {@code null} when the proposal states none.
 */
public record ProposeProjectCommand(
        ProjectId projectId,
        String name,
        String workArea,
        VillageCode villageCode,
        Beneficiary beneficiary,
        List<BudgetLine> budget,
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
        Actor actor) {

    /** A proposal stating no subsidy standard in fen (its text, if any, only describes it). */
    public ProposeProjectCommand(ProjectId projectId, String name, String workArea, VillageCode villageCode,
                                 Beneficiary beneficiary, List<BudgetLine> budget, String implementer,
                                 String supervisor, LocalDate startDate, LocalDate endDate, int expectedHouseholds,
                                 Integer expectedPeople, String description, String benefitMechanism,
                                 String subsidyStandard, String personInCharge, String supervisionPhone,
                                 String villagersMeeting, Actor actor) {
        this(projectId, name, workArea, villageCode, beneficiary, budget, implementer, supervisor, startDate, endDate,
                expectedHouseholds, expectedPeople, description, benefitMechanism, subsidyStandard, null,
                personInCharge, supervisionPhone, villagersMeeting, actor);
    }
}
