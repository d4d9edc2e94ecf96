package cn.fupin.ledger.command.project;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProposeProjectCommand;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A valid proposal of the tests, a village road in 金穗社区 (陵江镇) paid from two funds, to change one field at a
 * time: {@code Proposal.of(p -> p.name = " ")}.
 */
final class Proposal {

    static final String PROJECT = "PRJ-2016-0001";
    static final String CENTRAL = "FUND-510824-2016-CENTRAL";
    static final String COUNTY = "FUND-510824-2016-COUNTY";
    static final String PROVINCIAL = "FUND-510824-2016-PROVINCIAL";
    static final String LINGJIANG = "510824100";
    static final VillageCode JINSUI = new VillageCode("510824100001");
    /** A village of another township (510824402). */
    static final VillageCode ELSEWHERE = new VillageCode("510824402598");
    static final Actor CLERK = Actor.of("clerk", "CLERK");
    static final Actor CLERK2 = Actor.of("clerk2", "CLERK");
    static final Actor APPROVER = Actor.of("approver", "APPROVER");

    ProjectId projectId = new ProjectId(PROJECT);
    String name = "金穗社区村道硬化";
    String workArea = "ROADS";
    VillageCode villageCode = JINSUI;
    Beneficiary beneficiary = Beneficiary.VILLAGE;
    List<BudgetLine> budget = new ArrayList<>(List.of(new BudgetLine(CENTRAL, 30_000_000L),
            new BudgetLine(COUNTY, 10_000_000L)));
    String implementer = "金穗社区居委会";
    String supervisor = "陵江镇人民政府";
    LocalDate startDate = LocalDate.of(2016, 3, 1);
    LocalDate endDate = LocalDate.of(2016, 10, 31);
    int expectedHouseholds = 110;
    Integer expectedPeople = 275;
    String description = null;
    String benefitMechanism = null;
    String subsidyStandard = null;
    Long subsidyStandardFen = null;
    String personInCharge = null;
    String supervisionPhone = null;
    String villagersMeeting = null;
    Actor actor = CLERK;

    private Proposal() {
    }

    static ProposeProjectCommand of(Consumer<Proposal> change) {
        Proposal proposal = new Proposal();
        change.accept(proposal);
        return proposal.command();
    }

    static ProposeProjectCommand valid() {
        return of(p -> { });
    }

    private ProposeProjectCommand command() {
        return new ProposeProjectCommand(projectId, name, workArea, villageCode, beneficiary, budget, implementer,
                supervisor, startDate, endDate, expectedHouseholds, expectedPeople, description, benefitMechanism,
                subsidyStandard, subsidyStandardFen, personInCharge, supervisionPhone, villagersMeeting, actor);
    }
}
