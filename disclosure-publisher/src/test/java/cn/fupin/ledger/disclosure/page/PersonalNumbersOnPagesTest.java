package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.household.IdNumber;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import cn.fupin.ledger.shared.project.ProjectView;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project whose printed texts hold a bank card or ID number (a clerk typed one into its name): the notice rules refuse
 * its plan, and the county, township and village pages leave the project out rather than print the number. Found by
 * the whole suite's scan of the public site (DisclosureSiteTest), after a project named with a Luhn-valid number was
 * refused its plan notice but listed on its village's page.
 */
class PersonalNumbersOnPagesTest {

    /** Passes the Luhn check. */
    static final String CARD_LIKE = "6217990000840007";
    /** A valid ID number (its check character fits). */
    static final String ID_LIKE = "51082419500101001" + IdNumber.checkCharacter("51082419500101001");

    static ProjectView approved(String id, String name) {
        return Fixtures.project(id, name, "ROADS", "村道路", Beneficiary.VILLAGE,
                List.of(new BudgetLine("FUND-510824-2094-COUNTY", Fixtures.yuan(10_000))), 0, ProjectStatus.APPROVED,
                "苍扶贫〔2094〕21号");
    }

    List<ProjectView> projectsWith(ProjectView... more) {
        List<ProjectView> projects = new ArrayList<>(Fixtures.projects());
        projects.addAll(List.of(more));
        return projects;
    }

    @Test
    void aProjectWithACardOrIdNumberInItsTextsIsOnNoPageAndTheOthersStay() {
        ProjectView card = approved("PRJ-2094-0091", "宝珠村便道" + CARD_LIKE);
        ProjectView spaced = approved("PRJ-2094-0092", "宝珠村便道 6217 9900 0084 0007");
        ProjectView id = approved("PRJ-2094-0093", "宝珠村便道" + ID_LIKE);
        ProjectView ordinary = approved("PRJ-2094-0094", "宝珠村便道二期（编号 2094-0094）");
        List<ProjectView> projects = projectsWith(card, spaced, id, ordinary);

        VillagePage base = Fixtures.villagePage();
        String village = new String(VillagePageRenderer.render(new VillagePage(base.path(), base.village(),
                Fixtures.summaries(projects), base.currentYear(), base.disbursements(), base.projectNames(),
                base.coverage(), base.notices(), base.olderNotices(), base.years())), StandardCharsets.UTF_8);
        TownshipPage township = Fixtures.townshipPage();
        String townshipPage = new String(TownshipPageRenderer.render(new TownshipPage(township.path(),
                township.township(), Fixtures.summaries(projects), township.villageCoverage(), township.notices(),
                township.olderNotices(), township.years())), StandardCharsets.UTF_8);

        for (String page : List.of(village, townshipPage)) {
            assertThat(page).doesNotContain(CARD_LIKE, "6217 9900 0084 0007", ID_LIKE)
                    .contains("宝珠村便道二期", "宝珠村猕猴桃产业园");
        }
        assertThat(Sections.publicSummaries(Fixtures.summaries(projects))).extracting(ProjectSummaryView::projectId)
                .contains("PRJ-2094-0094").doesNotContain("PRJ-2094-0091", "PRJ-2094-0092", "PRJ-2094-0093");
    }

    @Test
    void aPaymentOfSuchAProjectNamesItByItsIdOnTheVillagePage() {
        VillagePage base = Fixtures.villagePage();
        Map<String, String> names = new HashMap<>(base.projectNames());
        names.put("PRJ-2094-0001", "宝珠村猕猴桃产业园" + CARD_LIKE);
        String village = new String(VillagePageRenderer.render(new VillagePage(base.path(), base.village(),
                base.projects(), base.currentYear(), base.disbursements(), names, base.coverage(), base.notices(),
                base.olderNotices(), base.years())), StandardCharsets.UTF_8);
        String before = new String(VillagePageRenderer.render(base), StandardCharsets.UTF_8);

        assertThat(before).contains("宝珠村猕猴桃产业园");
        assertThat(village).doesNotContain(CARD_LIKE);
        assertThat(base.disbursements()).anyMatch(payment -> payment.projectId().equals("PRJ-2094-0001"));
    }

    @Test
    void everyPrintedTextOfTheProjectCountsNotOnlyItsName() {
        ProjectView base = approved("PRJ-2094-0095", "宝珠村便道三期");
        assertThat(Sections.isPublic(Fixtures.summary(base))).isTrue();
        ProjectView inCharge = new ProjectView(base.projectId(), base.name(), base.workArea(), base.workAreaName(),
                base.villageCode(), base.villageName(), base.townshipCode(), base.townshipName(), base.beneficiary(),
                base.budget(), base.budgetTotalFen(), base.reservedFen(), base.pendingFen(), base.paidFen(),
                base.implementer(), base.supervisor(), base.startDate(), base.endDate(), base.expectedHouseholds(),
                base.expectedPeople(), base.description(), base.benefitMechanism(), base.subsidyStandard(),
                "王德春 " + CARD_LIKE, base.supervisionPhone(), base.villagersMeeting(), base.status(),
                base.competitionId(), base.approvalDocNo(), base.proposedBy(), base.approvedBy(), base.history());
        assertThat(Sections.isPublic(Fixtures.summary(inCharge))).isFalse();
    }
}
