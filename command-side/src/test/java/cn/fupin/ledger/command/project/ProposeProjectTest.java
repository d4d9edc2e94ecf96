package cn.fupin.ledger.command.project;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.project.ProposeProjectCommand;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.project.Proposal.CENTRAL;
import static cn.fupin.ledger.command.project.Proposal.COUNTY;
import static cn.fupin.ledger.command.project.Proposal.ELSEWHERE;
import static cn.fupin.ledger.command.project.Proposal.JINSUI;
import static cn.fupin.ledger.command.project.Proposal.LINGJIANG;
import static cn.fupin.ledger.command.project.Proposal.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ProposeProjectTest {

    InMemoryLedger ledger;

    @BeforeEach
    void ledger() {
        ledger = new InMemoryLedger();
        ledger.appropriate(new FundId(CENTRAL), 50_000_000L);
        ledger.appropriate(new FundId(COUNTY), 20_000_000L);
        ledger.designatePoor(JINSUI, 2016);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void aVillageRoadInAPoorVillageIsProposedWithItsBudgetTotalTownshipAndProposer() {
        ledger.send(Proposal.valid());

        assertThat(ledger.events(PROJECT)).containsExactly(new ProjectProposedEvent(PROJECT, "金穗社区村道硬化", "ROADS",
                "510824100001", LINGJIANG, Beneficiary.VILLAGE,
                List.of(new BudgetLine(CENTRAL, 30_000_000L), new BudgetLine(COUNTY, 10_000_000L)), 40_000_000L,
                "金穗社区居委会", "陵江镇人民政府", LocalDate.of(2016, 3, 1), LocalDate.of(2016, 10, 31), 110, 275,
                null, null, null, null, null, null, "clerk"));
    }

    @Test
    void aProposalReservesNothing() {
        ledger.send(Proposal.valid());

        assertThat(ledger.availableFen(CENTRAL)).isEqualTo(50_000_000L);
        assertThat(ledger.events(CENTRAL)).hasSize(1);
    }

    @Test
    void textsAreRecordedWithoutSurroundingSpaceAndBlankOptionalTextsAsNone() {
        ledger.send(Proposal.of(p -> {
            p.name = "  金穗社区村道硬化 ";
            p.workArea = " ROADS ";
            p.implementer = "金穗社区居委会\t";
            p.supervisor = " 陵江镇人民政府";
            p.description = "  硬化村道4.2公里\n宽4.5米  ";
            p.benefitMechanism = "   ";
            p.subsidyStandard = " 每公里50万元 ";
            p.personInCharge = "\n";
            p.supervisionPhone = " 0839-5221234 ";
            p.villagersMeeting = " 2015年12月村民代表大会 ";
            p.expectedPeople = null;
        }));

        ProjectProposedEvent proposed = (ProjectProposedEvent) ledger.events(PROJECT).get(0);
        assertThat(proposed.name()).isEqualTo("金穗社区村道硬化");
        assertThat(proposed.workArea()).isEqualTo("ROADS");
        assertThat(proposed.implementer()).isEqualTo("金穗社区居委会");
        assertThat(proposed.supervisor()).isEqualTo("陵江镇人民政府");
        assertThat(proposed.description()).isEqualTo("硬化村道4.2公里\n宽4.5米");
        assertThat(proposed.benefitMechanism()).isNull();
        assertThat(proposed.subsidyStandard()).isEqualTo("每公里50万元");
        assertThat(proposed.personInCharge()).isNull();
        assertThat(proposed.supervisionPhone()).isEqualTo("0839-5221234");
        assertThat(proposed.villagersMeeting()).isEqualTo("2015年12月村民代表大会");
        assertThat(proposed.expectedPeople()).isNull();
    }

    @Test
    void aHouseholdProjectNeedsNoPoorVillage() {
        ledger.send(Proposal.of(p -> {
            p.workArea = "INDUSTRY";
            p.beneficiary = Beneficiary.HOUSEHOLDS;
            p.villageCode = ELSEWHERE;
            p.actor = new Actor("township2", "TOWNSHIP", "510824402");
        }));

        ProjectProposedEvent proposed = (ProjectProposedEvent) ledger.events(PROJECT).get(0);
        assertThat(proposed.townshipCode()).isEqualTo("510824402");
        assertThat(proposed.beneficiary()).isEqualTo(Beneficiary.HOUSEHOLDS);
        assertThat(proposed.proposedBy()).isEqualTo("township2");
    }

    @Test
    void aHouseholdProjectsSubsidyStandardInFenIsRecordedAndStatedFirstInItsText() {
        ledger.send(Proposal.of(p -> {
            p.workArea = "INDUSTRY";
            p.beneficiary = Beneficiary.HOUSEHOLDS;
            p.subsidyStandard = "含移民贫困户";
            p.subsidyStandardFen = 350_000L;
        }));

        ProjectProposedEvent proposed = (ProjectProposedEvent) ledger.events(PROJECT).get(0);
        assertThat(proposed.subsidyStandardFen()).isEqualTo(350_000L);
        assertThat(proposed.subsidyStandard()).isEqualTo("每户不超过3,500.00元；含移民贫困户");
        assertThat(ledger.read(Project.class, PROJECT, Project::subsidyStandardFen)).isEqualTo(350_000L);
    }

    @Test
    void aTownshipProposesInItsOwnTownship() {
        ledger.send(Proposal.of(p -> p.actor = new Actor("township", "TOWNSHIP", LINGJIANG)));

        assertThat(ledger.events(PROJECT)).singleElement().extracting("proposedBy").isEqualTo("township");
    }

    @Test
    void aProjectMayBundleSevenFunds() {
        List<BudgetLine> lines = new ArrayList<>();
        for (FundSource source : FundSource.values()) {
            FundId fund = FundId.of("510824", 2016, source);
            if (ledger.events(fund.value()).isEmpty()) {
                ledger.appropriate(fund, 1_000L);
            }
            lines.add(new BudgetLine(fund.value(), 100L));
        }
        assertThat(lines).hasSize(ProjectProposer.BUDGET_LINES_MAX);

        ledger.send(Proposal.of(p -> p.budget = lines));

        assertThat(ledger.events(PROJECT)).singleElement().extracting("budgetTotalFen").isEqualTo(700L);
    }

    @Test
    void textsMayReachTheirLimits() {
        ledger.send(Proposal.of(p -> {
            p.name = "路".repeat(200);
            p.implementer = "村".repeat(200);
            p.supervisor = "镇".repeat(200);
            p.description = "述".repeat(2000);
            p.supervisionPhone = "+86 (839) 522-12345";
            p.expectedHouseholds = 0;
            p.expectedPeople = 0;
            p.endDate = p.startDate;
        }));

        assertThat(ledger.events(PROJECT)).hasSize(1);
    }

    @Nested
    class RefusesAsInvalid {

        @Test
        void aMissingName() {
            assertInvalid(Proposal.of(p -> p.name = null), "name", "NAME_REQUIRED");
        }

        @Test
        void aBlankName() {
            assertInvalid(Proposal.of(p -> p.name = " \t "), "name", "NAME_REQUIRED");
        }

        @Test
        void aNameLongerThanTwoHundredCharacters() {
            assertInvalid(Proposal.of(p -> p.name = "路".repeat(201)), "name", "NAME_INVALID");
        }

        @Test
        void aNameBrokenOverTwoLines() {
            assertInvalid(Proposal.of(p -> p.name = "金穗社区\n村道硬化"), "name", "NAME_INVALID");
        }

        @Test
        void aMissingWorkArea() {
            assertInvalid(Proposal.of(p -> p.workArea = null), "workArea", "WORK_AREA_REQUIRED");
        }

        @Test
        void anUnknownWorkArea() {
            assertInvalid(Proposal.of(p -> p.workArea = "BRIDGES"), "workArea", "WORK_AREA_UNKNOWN");
        }

        @Test
        void aMissingVillage() {
            assertInvalid(Proposal.of(p -> p.villageCode = null), "villageCode", "VILLAGE_CODE_REQUIRED");
        }

        @Test
        void aVillageNotInTheGazetteer() {
            assertInvalid(Proposal.of(p -> p.villageCode = new VillageCode("510824100999")), "villageCode",
                    "VILLAGE_NOT_FOUND");
        }

        @Test
        void aMissingBeneficiary() {
            assertInvalid(Proposal.of(p -> p.beneficiary = null), "beneficiary", "BENEFICIARY_REQUIRED");
        }

        @Test
        void aBeneficiaryOtherThanTheWorkAreaTargets() {
            assertInvalid(Proposal.of(p -> p.beneficiary = Beneficiary.HOUSEHOLDS), "beneficiary", "BENEFICIARY_MISMATCH");
        }

        @Test
        void aMissingBudget() {
            assertInvalid(Proposal.of(p -> p.budget = null), "budget", "BUDGET_REQUIRED");
        }

        @Test
        void anEmptyBudget() {
            assertInvalid(Proposal.of(p -> p.budget = List.of()), "budget", "BUDGET_REQUIRED");
        }

        @Test
        void eightBudgetLines() {
            List<BudgetLine> lines = new ArrayList<>();
            for (FundSource source : FundSource.values()) {
                lines.add(new BudgetLine(FundId.of("510824", 2016, source).value(), 100L));
            }
            lines.add(new BudgetLine(FundId.of("510824", 2015, FundSource.CENTRAL).value(), 100L));
            assertInvalid(Proposal.of(p -> p.budget = lines), "budget", "BUDGET_TOO_MANY_LINES");
        }

        @Test
        void aMissingBudgetLine() {
            assertInvalid(Proposal.of(p -> p.budget = Arrays.asList(new BudgetLine(CENTRAL, 1L), null)), "budget[1]",
                    "BUDGET_LINE_REQUIRED");
        }

        @Test
        void aLineOfZeroFen() {
            assertInvalid(Proposal.of(p -> p.budget.set(1, new BudgetLine(COUNTY, 0L))), "budget[1].amountFen",
                    "AMOUNT_NOT_POSITIVE");
        }

        @Test
        void aNegativeLine() {
            assertInvalid(Proposal.of(p -> p.budget.set(0, new BudgetLine(CENTRAL, -1L))), "budget[0].amountFen",
                    "AMOUNT_NOT_POSITIVE");
        }

        @Test
        void aFundWithoutAnyAppropriation() {
            assertInvalid(Proposal.of(p -> p.budget.set(1, new BudgetLine("FUND-510824-2016-DONATION", 1L))),
                    "budget[1].fundId", "FUND_NOT_FOUND");
        }

        @Test
        void aMalformedFundId() {
            assertInvalid(Proposal.of(p -> p.budget.set(0, new BudgetLine("CENTRAL-2016", 1L))), "budget[0].fundId",
                    "FUND_NOT_FOUND");
        }

        @Test
        void aMissingFundId() {
            assertInvalid(Proposal.of(p -> p.budget.set(0, new BudgetLine(null, 1L))), "budget[0].fundId",
                    "FUND_NOT_FOUND");
        }

        @Test
        void theSameFundOnTwoLines() {
            assertInvalid(Proposal.of(p -> p.budget.set(1, new BudgetLine(CENTRAL, 5L))), "budget[1].fundId",
                    "DUPLICATE_BUDGET_LINE");
        }

        @Test
        void aTotalBeyondWhatTheLedgerHolds() {
            assertInvalid(Proposal.of(p -> p.budget = List.of(new BudgetLine(CENTRAL, Long.MAX_VALUE),
                    new BudgetLine(COUNTY, 1L))), "budget", "AMOUNT_OVERFLOW");
        }

        @Test
        void aMissingImplementer() {
            assertInvalid(Proposal.of(p -> p.implementer = ""), "implementer", "IMPLEMENTER_REQUIRED");
        }

        @Test
        void anImplementerLongerThanTwoHundredCharacters() {
            assertInvalid(Proposal.of(p -> p.implementer = "村".repeat(201)), "implementer", "IMPLEMENTER_INVALID");
        }

        @Test
        void aMissingSupervisor() {
            assertInvalid(Proposal.of(p -> p.supervisor = null), "supervisor", "SUPERVISOR_REQUIRED");
        }

        @Test
        void aSupervisorWithAControlCharacter() {
            assertInvalid(Proposal.of(p -> p.supervisor = "陵江镇\u0007人民政府"), "supervisor", "SUPERVISOR_INVALID");
        }

        @Test
        void aMissingStartDate() {
            assertInvalid(Proposal.of(p -> p.startDate = null), "startDate", "START_DATE_REQUIRED");
        }

        @Test
        void aMissingEndDate() {
            assertInvalid(Proposal.of(p -> p.endDate = null), "endDate", "END_DATE_REQUIRED");
        }

        @Test
        void anEndBeforeTheStart() {
            assertInvalid(Proposal.of(p -> p.endDate = p.startDate.minusDays(1)), "endDate", "SCHEDULE_INVALID");
        }

        @Test
        void aStartBeforeTheYear2000() {
            assertInvalid(Proposal.of(p -> p.startDate = LocalDate.of(1999, 12, 31)), "startDate", "SCHEDULE_INVALID");
        }

        @Test
        void negativeExpectedHouseholds() {
            assertInvalid(Proposal.of(p -> p.expectedHouseholds = -1), "expectedHouseholds",
                    "EXPECTED_HOUSEHOLDS_NEGATIVE");
        }

        @Test
        void negativeExpectedPeople() {
            assertInvalid(Proposal.of(p -> p.expectedPeople = -1), "expectedPeople", "EXPECTED_PEOPLE_NEGATIVE");
        }

        @Test
        void aDescriptionLongerThanTwoThousandCharacters() {
            assertInvalid(Proposal.of(p -> p.description = "述".repeat(2001)), "description", "DESCRIPTION_INVALID");
        }

        @Test
        void aBenefitMechanismWithAControlCharacter() {
            assertInvalid(Proposal.of(p -> p.benefitMechanism = "入股分红\u0000"), "benefitMechanism",
                    "BENEFIT_MECHANISM_INVALID");
        }

        @Test
        void aSubsidyStandardLongerThanTwoThousandCharacters() {
            assertInvalid(Proposal.of(p -> p.subsidyStandard = "元".repeat(2001)), "subsidyStandard",
                    "SUBSIDY_STANDARD_INVALID");
        }

        @Test
        void aSubsidyStandardInFenForAVillageProject() {
            assertInvalid(Proposal.of(p -> p.subsidyStandardFen = 500_000L), "subsidyStandardFen",
                    "SUBSIDY_STANDARD_NOT_PER_HOUSEHOLD");
        }

        @Test
        void aSubsidyStandardBelowTheLeastStartUpGrant() {
            assertInvalid(Proposal.of(p -> {
                p.workArea = "INDUSTRY";
                p.beneficiary = Beneficiary.HOUSEHOLDS;
                p.subsidyStandardFen = 299_999L;
            }), "subsidyStandardFen", "SUBSIDY_STANDARD_BELOW_MINIMUM");
        }

        @Test
        void aPersonInChargeWithAControlCharacter() {
            assertInvalid(Proposal.of(p -> p.personInCharge = "王\u001b明"), "personInCharge", "PERSON_IN_CHARGE_INVALID");
        }

        @Test
        void aVillagersMeetingLongerThanTwoThousandCharacters() {
            assertInvalid(Proposal.of(p -> p.villagersMeeting = "议".repeat(2001)), "villagersMeeting",
                    "VILLAGERS_MEETING_INVALID");
        }

        @Test
        void aSupervisionPhoneWithLetters() {
            assertInvalid(Proposal.of(p -> p.supervisionPhone = "call 12317"), "supervisionPhone",
                    "SUPERVISION_PHONE_INVALID");
        }

        @Test
        void aSupervisionPhoneOfTwoDigits() {
            assertInvalid(Proposal.of(p -> p.supervisionPhone = "12"), "supervisionPhone", "SUPERVISION_PHONE_INVALID");
        }

        @Test
        void aSupervisionPhoneLongerThanTwentyCharacters() {
            assertInvalid(Proposal.of(p -> p.supervisionPhone = "0".repeat(21)), "supervisionPhone",
                    "SUPERVISION_PHONE_INVALID");
        }

        @Test
        void everyBadFieldAtOnceInTheOrderOfTheRequest() {
            Refusal refusal = ledger.refusal(Proposal.of(p -> {
                p.name = null;
                p.workArea = "BRIDGES";
                p.villageCode = new VillageCode("510824100999");
                p.budget = List.of(new BudgetLine("FUND-510824-2016-DONATION", 0L));
                p.supervisor = " ";
                p.endDate = null;
                p.expectedHouseholds = -5;
                p.supervisionPhone = "phone";
            }));

            assertThat(refusal.code()).isEqualTo("PROJECT_INVALID");
            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                    tuple("name", "NAME_REQUIRED"),
                    tuple("workArea", "WORK_AREA_UNKNOWN"),
                    tuple("villageCode", "VILLAGE_NOT_FOUND"),
                    tuple("budget[0].fundId", "FUND_NOT_FOUND"),
                    tuple("budget[0].amountFen", "AMOUNT_NOT_POSITIVE"),
                    tuple("supervisor", "SUPERVISOR_REQUIRED"),
                    tuple("endDate", "END_DATE_REQUIRED"),
                    tuple("expectedHouseholds", "EXPECTED_HOUSEHOLDS_NEGATIVE"),
                    tuple("supervisionPhone", "SUPERVISION_PHONE_INVALID"));
            assertThat(ledger.events(PROJECT)).isEmpty();
        }

        private void assertInvalid(ProposeProjectCommand command, String field, String code) {
            Refusal refusal = ledger.refusal(command);

            assertThat(refusal.kind()).isEqualTo(RefusalKind.INVALID);
            assertThat(refusal.code()).isEqualTo("PROJECT_INVALID");
            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple(field, code));
            assertThat(ledger.events(PROJECT)).isEmpty();
        }
    }

    @Nested
    class Refuses {

        @Test
        void aVillageProjectInAVillageNeverDesignatedPoor() {
            assertRefused(Proposal.of(p -> {
                p.villageCode = ELSEWHERE;
                p.actor = Proposal.CLERK;
            }), RefusalKind.CONFLICT, "VILLAGE_NOT_POOR");
        }

        @Test
        void aVillageProjectStartingInAYearTheVillageIsNotPoor() {
            assertRefused(Proposal.of(p -> {
                p.startDate = LocalDate.of(2017, 3, 1);
                p.endDate = LocalDate.of(2017, 10, 31);
            }), RefusalKind.CONFLICT, "VILLAGE_NOT_POOR");
        }

        @Test
        void aTownshipProposingInAnotherTownship() {
            assertRefused(Proposal.of(p -> p.actor = new Actor("township2", "TOWNSHIP", "510824402")),
                    RefusalKind.FORBIDDEN, "OTHER_TOWNSHIP");
        }

        @Test
        void aProjectIdRecordedAlready() {
            ledger.send(Proposal.valid());

            Refusal refusal = ledger.refusal(Proposal.of(p -> p.name = "另一个项目"));

            assertThat(refusal.kind()).isEqualTo(RefusalKind.CONFLICT);
            assertThat(refusal.code()).isEqualTo("PROJECT_EXISTS");
            assertThat(ledger.events(PROJECT)).hasSize(1);
        }

        private void assertRefused(ProposeProjectCommand command, RefusalKind kind, String code) {
            Refusal refusal = ledger.refusal(command);

            assertThat(refusal.kind()).isEqualTo(kind);
            assertThat(refusal.code()).isEqualTo(code);
            assertThat(ledger.events(PROJECT)).isEmpty();
        }
    }
}
