package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.assessment.TownshipAssessedEvent;
import cn.fupin.ledger.shared.audit.AuditEventsViewedEvent;
import cn.fupin.ledger.shared.audit.FourEyesRefusalRecordedEvent;
import cn.fupin.ledger.shared.audit.ScreeningListKind;
import cn.fupin.ledger.shared.audit.ReconciliationRecordedEvent;
import cn.fupin.ledger.shared.audit.ScreeningListUploadedEvent;
import cn.fupin.ledger.shared.audit.SharedNumberRefusalRecordedEvent;
import cn.fupin.ledger.shared.redflag.RedFlagReviewedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublicationRetriedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublicationSkippedEvent;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.ConflictOfInterestDeclaredEvent;
import cn.fupin.ledger.shared.competition.ProposalScoredEvent;
import cn.fupin.ledger.shared.competition.ProposalSubmittedEvent;
import cn.fupin.ledger.shared.competition.ProposalWithdrawnEvent;
import cn.fupin.ledger.shared.competition.SubmissionsClosedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRejectedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchApprovedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchRejectedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchSubmittedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticePeriodEndedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import cn.fupin.ledger.shared.disclosure.NoticeSupersededEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionDismissedAsDuplicateEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionFiledEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import cn.fupin.ledger.shared.fund.FundDisbursementReversedEvent;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import cn.fupin.ledger.shared.household.CadreRelativeDeclaredEvent;
import cn.fupin.ledger.shared.household.HouseholdBankCardCorrectedEvent;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdPersonalDataViewedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisterImportedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.household.HouseholdReturnedEvent;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantClaimedEvent;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantReleasedEvent;
import cn.fupin.ledger.shared.household.HouseholdVillageCorrectedEvent;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.PoorVillageDesignatedEvent;
import cn.fupin.ledger.shared.project.ProjectAcceptedEvent;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectCancelledEvent;
import cn.fupin.ledger.shared.project.ProjectCompletedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentRequestedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.project.ProjectRejectedEvent;
import cn.fupin.ledger.shared.project.ProjectSelectedEvent;
import cn.fupin.ledger.shared.project.ProjectStartedEvent;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectSubmittedToCompetitionEvent;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which pages each event re-renders, for every event type of the ledger: the table below has one row per event type
 * (a test fails when shared-events gains an event without a row), each with the pages it names. Places: 守垭村
 * (510824118203) of 岳东镇 (510824118); a township-level project of 石马镇 (510824119).
 */
class AffectedPagesTest {

    static final Gazetteer GAZETTEER = Gazetteer.forCounty("510824");
    static final String TOWNSHIP = "510824118";
    static final String VILLAGE = "510824118203";
    static final String OTHER_TOWNSHIP = "510824119";

    static final String COUNTY_PAGE = "index.html";
    static final String TOWNSHIP_PAGE = TOWNSHIP + "/index.html";
    static final String VILLAGE_PAGE = VILLAGE + "/index.html";

    /** What the ledger recorded before: a village and a township project, a payment, a household, three notices. */
    static final AffectedPages.Subjects RECORDED = new AffectedPages.Subjects() {
        @Override
        public Optional<String> placeOfProject(String projectId) {
            return Optional.ofNullable(Map.of("PRJ-V", VILLAGE, "PRJ-T", OTHER_TOWNSHIP).get(projectId));
        }

        @Override
        public Optional<String> villageOfDisbursement(String disbursementId) {
            return "DSB-1".equals(disbursementId) ? Optional.of(VILLAGE) : Optional.empty();
        }

        @Override
        public Optional<String> villageOfHousehold(String cardNo) {
            return "T-8400".equals(cardNo) ? Optional.of(VILLAGE) : Optional.empty();
        }

        @Override
        public Optional<AffectedPages.NoticePlace> placeOfNotice(String noticeId) {
            return Optional.ofNullable(Map.of(
                    "NTC-V", new AffectedPages.NoticePlace(NoticeLevel.VILLAGE, VILLAGE),
                    "NTC-T", new AffectedPages.NoticePlace(NoticeLevel.TOWNSHIP, TOWNSHIP),
                    "NTC-C", new AffectedPages.NoticePlace(NoticeLevel.COUNTY, "510824")).get(noticeId));
        }
    };

    static final AffectedPages AFFECTED = new AffectedPages(GAZETTEER, RECORDED);

    static Set<String> pages(String... paths) {
        return new TreeSet<>(List.of(paths));
    }

    static Set<String> notice(String id) {
        return pages("notices/" + id + ".html", "notices/" + id + ".json", "notices/" + id + ".csv");
    }

    static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new TreeSet<>(first);
        all.addAll(second);
        return all;
    }

    static NoticePublishedEvent published(String id, NoticeLevel level, String placeCode, String supersedes) {
        NoticeContent content = new NoticeContent(id, NoticeKind.GRANT_LIST, level, placeCode, "某地", "公示", null,
                List.of(), List.of("户主"), List.of(new NoticeContent.Row("DSB-1", List.of("王*国"))), null, null,
                supersedes, null, null, NoticeContent.HOTLINE);
        return NoticePublishedEvent.of(content, List.of("DSB-1"), null, null, "clerk");
    }

    /** One row per event type: an event and the pages it re-renders. */
    static final Map<Class<?>, Map.Entry<Object, Set<String>>> TABLE = table();

    private static Map<Class<?>, Map.Entry<Object, Set<String>>> table() {
        Map<Class<?>, Map.Entry<Object, Set<String>>> rows = new LinkedHashMap<>();
        Set<String> none = Set.of();
        Set<String> countyTownshipVillage = pages(COUNTY_PAGE, TOWNSHIP_PAGE, VILLAGE_PAGE);
        row(rows, new FundsAppropriatedEvent("FUND-510824-2088-CENTRAL", "APR-1", 2088, FundSource.CENTRAL, 1, "文1", null),
                pages(COUNTY_PAGE));
        row(rows, new FundsReservedEvent("FUND-510824-2088-CENTRAL", "PRJ-V", 1, 1, 0), none);
        row(rows, new FundReservationReleasedEvent("FUND-510824-2088-CENTRAL", "PRJ-V", 1, "撤销", 0, 1), none);
        row(rows, new FundsDisbursedEvent("FUND-510824-2088-CENTRAL", "PRJ-V", "DSB-1", 1, 0, 1, 0), none);
        row(rows, new FundDisbursementReversedEvent("FUND-510824-2088-CENTRAL", "PRJ-V", "DSB-1", 1, 1, 0, 0), none);
        row(rows, new TownshipAssessedEvent(TOWNSHIP, 2087, 9000, "文2", "clerk"), none);
        row(rows, new CompetitionOpenedEvent("CMP-1", "竞争立项", 2088, "FUND-510824-2088-CENTRAL", 1, List.of(), null, "clerk"),
                pages(COUNTY_PAGE));
        row(rows, new ProposalSubmittedEvent("CMP-1", "PRJ-V", TOWNSHIP, VILLAGE, 1, null, "township"),
                pages(COUNTY_PAGE));
        row(rows, new ProposalWithdrawnEvent("CMP-1", "PRJ-V", "撤回"), pages(COUNTY_PAGE));
        row(rows, new ProposalScoredEvent("CMP-1", "PRJ-V", "reviewer", List.of()), none);
        row(rows, new ConflictOfInterestDeclaredEvent("CMP-1", "reviewer", TOWNSHIP), none);
        row(rows, new SubmissionsClosedEvent("CMP-1", null), none);
        row(rows, new CompetitionClosedEvent("CMP-1", null, List.of(), List.of(), 1, 0, "clerk"), pages(COUNTY_PAGE));
        row(rows, new ProjectProposedEvent("PRJ-V", "村道", "ROADS", VILLAGE, TOWNSHIP, null, List.of(), 1, null, null,
                null, null, 1, null, null, null, null, null, null, null, "clerk"), none);
        row(rows, new ProjectSubmittedToCompetitionEvent("PRJ-V", "CMP-1", "township"), none);
        row(rows, new ProjectSelectedEvent("PRJ-V", "CMP-1", 1, 1), none);
        row(rows, new ProjectRejectedEvent("PRJ-V", "CMP-1", 2, "未入选"), none);
        row(rows, new ProjectApprovedEvent("PRJ-V", "文3", List.of(), "approver"), countyTownshipVillage);
        row(rows, new ProjectStartedEvent("PRJ-V", "clerk"), countyTownshipVillage);
        row(rows, new ProjectCompletedEvent("PRJ-V", "完工", "clerk"), countyTownshipVillage);
        row(rows, new ProjectAcceptedEvent("PRJ-V", "合格", List.of(), "clerk"), countyTownshipVillage);
        row(rows, new ProjectCancelledEvent("PRJ-V", ProjectStatus.IMPLEMENTING, "撤销", List.of(), "clerk"),
                countyTownshipVillage);
        row(rows, new ProjectPaymentRequestedEvent("PRJ-V", "DSB-1", 1, List.of()), none);
        row(rows, new ProjectPaymentSettledEvent("PRJ-V", "DSB-1", "APPROVED", 1, List.of()),
                pages(TOWNSHIP_PAGE, VILLAGE_PAGE));
        row(rows, new DisbursementRequestedEvent("DSB-1", "PRJ-V", PayeeKind.VILLAGE, VILLAGE, TOWNSHIP, null, 1,
                List.of(), "付1", null, "clerk"), pages(VILLAGE_PAGE));
        row(rows, new DisbursementApprovedEvent("DSB-1", "PRJ-V", PayeeKind.VILLAGE, VILLAGE, null, 1, List.of(),
                null, "approver"), pages(VILLAGE_PAGE));
        row(rows, new DisbursementRejectedEvent("DSB-1", "PRJ-V", null, null, "不符", "approver"), pages(VILLAGE_PAGE));
        row(rows, new DisbursementReversedEvent("DSB-1", "PRJ-V", PayeeKind.VILLAGE, VILLAGE, null, 1, List.of(),
                "退回", "approver"), pages(VILLAGE_PAGE));
        row(rows, new GrantBatchSubmittedEvent("GB-1", "PRJ-V", "付2", List.of("DSB-1"), 1, "clerk"), none);
        row(rows, new GrantBatchApprovedEvent("GB-1", "PRJ-V", 1, 1, "approver"), none);
        row(rows, new GrantBatchRejectedEvent("GB-1", "PRJ-V", "不符", "approver"), none);
        row(rows, new HouseholdRegisteredEvent("T-8400", "王建国", "x", "****", "x", "****", VILLAGE, TOWNSHIP, 3,
                false, "IMP-1"), countyTownshipVillage);
        row(rows, new HouseholdExitedEvent("T-8400", 2088, "脱贫"), countyTownshipVillage);
        row(rows, new HouseholdReturnedEvent("T-8400", 2089, "返贫"), countyTownshipVillage);
        // A household moved to another township's village: both villages' coverage, both townships', the county's.
        row(rows, new HouseholdVillageCorrectedEvent("T-8400", VILLAGE, TOWNSHIP, "510824119001", OTHER_TOWNSHIP, "搬迁"),
                pages(COUNTY_PAGE, TOWNSHIP_PAGE, VILLAGE_PAGE, OTHER_TOWNSHIP + "/index.html", "510824119001/index.html"));
        row(rows, new HouseholdBankCardCorrectedEvent("T-8400", "v1:c", "****9012", "****5678", "换卡"), none);
        row(rows, new HouseholdStartupGrantClaimedEvent("T-8400", "DSB-1", "PRJ-V", 1), none);
        row(rows, new HouseholdStartupGrantReleasedEvent("T-8400", "DSB-1", "REJECTED"), none);
        row(rows, new HouseholdPersonalDataViewedEvent("T-8400", "审计"), none);
        row(rows, new HouseholdRegisterImportedEvent("IMP-1", "register.csv", "0".repeat(64), 1, 1, 0), none);
        row(rows, new CadreRelativeDeclaredEvent("T-8400", "township", "兄弟", "申报", null), none);
        row(rows, new FourEyesRefusalRecordedEvent("SAME_REQUESTER_AND_APPROVER", "ApproveDisbursementCommand", "DSB-1",
                "approver", "APPROVER", "req-1"), none);
        row(rows, new ScreeningListUploadedEvent("SCREEN-1", ScreeningListKind.DECEASED, "名单", "0".repeat(64),
                List.of()), none);
        row(rows, new SharedNumberRefusalRecordedEvent("IMP-2", "补录.csv", "0".repeat(64), List.of(), "clerk", "CLERK",
                "req-2"), none);
        row(rows, new RedFlagReviewedEvent("IDLE_FUNDS/FUND-1/365", "IDLE_FUNDS", "FUND-1", "已核实", "auditor"),
                none);
        row(rows, new NoticePublicationSkippedEvent("NTC-PP-PRJ-V", NoticeKind.PROJECT_PLAN, "E-1",
                "ProjectApprovedEvent", "PRJ-V", 1, "NOTICE_INVALID", "refused", List.of("title CODE")), none);
        row(rows, new NoticePublicationRetriedEvent("NTC-PP-PRJ-V", false, "NOTICE_INVALID", "auditor", "AUDITOR",
                "req-1"), none);
        row(rows, new AuditEventsViewedEvent("view-1", "auditor", "T-8400", null, null, null, null, null, null,
                "newest", null, 100, "JSON", 3, true), none);
        row(rows, new ReconciliationRecordedEvent(42L, true, 0, List.of(), java.time.Instant.parse("2088-07-01T02:00:00Z")),
                none);
        row(rows, new PoorVillageDesignatedEvent(VILLAGE, TOWNSHIP, 2088, "文4"), pages(TOWNSHIP_PAGE, VILLAGE_PAGE));
        row(rows, published("NTC-V2", NoticeLevel.VILLAGE, VILLAGE, "NTC-V"), union(notice("NTC-V2"),
                pages(VILLAGE_PAGE, COUNTY_PAGE)));
        row(rows, new NoticeSupersededEvent("NTC-V", "NTC-V2", "更正"), pages("notices/NTC-V.html", VILLAGE_PAGE,
                COUNTY_PAGE));
        row(rows, new ObjectionFiledEvent("NTC-V", "OBJ-1", "DSB-1", "有异议", null, null), pages("notices/NTC-V.html"));
        row(rows, new ObjectionResolvedEvent("NTC-V", "OBJ-1", "DSB-1", ObjectionResolution.UPHELD, "属实",
                "approver", true), pages("notices/NTC-V.html"));
        row(rows, new ObjectionDismissedAsDuplicateEvent("NTC-V", "OBJ-2", "DSB-1", "OBJ-1", "与OBJ-1内容相同",
                "approver"), pages("notices/NTC-V.html"));
        row(rows, new NoticePeriodEndedEvent("NTC-V", null), pages("notices/NTC-V.html", COUNTY_PAGE));
        return rows;
    }

    private static void row(Map<Class<?>, Map.Entry<Object, Set<String>>> rows, Object event, Set<String> pages) {
        rows.put(event.getClass(), Map.entry(event, pages));
    }

    static Stream<Arguments> rows() {
        return TABLE.values().stream()
                .map(row -> Arguments.of(row.getKey().getClass().getSimpleName(), row.getKey(), row.getValue()));
    }

    @ParameterizedTest(name = "{0} re-renders {2}")
    @MethodSource("rows")
    void eachEventReRendersThePagesThatShowItsFact(String type, Object event, Set<String> pages) {
        assertThat(AFFECTED.of(event)).as(type).containsExactlyElementsOf(pages);
    }

    @Test
    void everyEventTypeOfTheLedgerHasARowAndARule() {
        Set<String> eventTypes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.fupin.ledger.shared")
                .stream()
                .filter(JavaClass::isRecord)
                .filter(type -> type.getSimpleName().endsWith("Event"))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inTable = TABLE.keySet().stream().map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(eventTypes).hasSizeGreaterThan(40);
        assertThat(inTable).containsExactlyElementsOf(eventTypes);
        assertThat(eventTypes).allSatisfy(type ->
                assertThat(AffectedPages.hasRuleFor(Class.forName(type))).as(type).isTrue());
    }

    @Test
    void anEventWithoutARuleIsAProgrammersErrorAndFails() {
        assertThatThrownBy(() -> AFFECTED.of("not an event")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Nested
    class Projects {

        @Test
        void aTownshipProjectShowsOnTheCountyAndItsTownshipOnly() {
            assertThat(AFFECTED.of(new ProjectApprovedEvent("PRJ-T", "文5", List.of(), "approver")))
                    .containsExactly(OTHER_TOWNSHIP + "/index.html", COUNTY_PAGE);
        }

        ProjectCancelledEvent cancelledWhen(ProjectStatus status) {
            return new ProjectCancelledEvent("PRJ-V", status, "撤回", List.of(), "clerk");
        }

        ProjectPaymentSettledEvent settled(String projectId, String outcome) {
            return new ProjectPaymentSettledEvent(projectId, "DSB-1", outcome, 1, List.of());
        }

        @Test
        void aProposalCancelledBeforeItsApprovalWasNeverPublicAndChangesNoPage() {
            assertThat(AFFECTED.of(cancelledWhen(ProjectStatus.PROPOSED))).isEmpty();
            assertThat(AFFECTED.of(cancelledWhen(ProjectStatus.SELECTED))).isEmpty();
            assertThat(AFFECTED.of(cancelledWhen(ProjectStatus.APPROVED)))
                    .containsExactly(TOWNSHIP_PAGE, VILLAGE_PAGE, COUNTY_PAGE);
        }

        @Test
        void aRejectedPaymentChangesNoPaidAmountAndAReversedOneDoes() {
            assertThat(AFFECTED.of(settled("PRJ-V", "REJECTED"))).isEmpty();
            assertThat(AFFECTED.of(settled("PRJ-V", "REVERSED"))).containsExactly(TOWNSHIP_PAGE, VILLAGE_PAGE);
            assertThat(AFFECTED.of(settled("PRJ-T", "APPROVED")))
                    .as("a township project's paid amount is in its township's list of projects")
                    .containsExactly(OTHER_TOWNSHIP + "/index.html");
        }

        @Test
        void aProjectTheLedgerCannotPlaceStillReRendersTheCounty() {
            assertThat(AFFECTED.of(new ProjectStartedEvent("PRJ-UNKNOWN", "clerk"))).containsExactly(COUNTY_PAGE);
        }
    }

    @Nested
    class Grants {

        @Test
        void anApprovedOrReversedGrantCountsInCoverageUpToTheCounty() {
            DisbursementApprovedEvent approved = new DisbursementApprovedEvent("DSB-2", "PRJ-V", PayeeKind.HOUSEHOLD,
                    VILLAGE, "T-8400", 300_000, List.of(), "GB-1", "approver");
            DisbursementReversedEvent reversed = new DisbursementReversedEvent("DSB-2", "PRJ-V", PayeeKind.HOUSEHOLD,
                    VILLAGE, "T-8400", 300_000, List.of(), "错发", "approver");

            assertThat(AFFECTED.of(approved)).containsExactly(TOWNSHIP_PAGE, VILLAGE_PAGE, COUNTY_PAGE);
            assertThat(AFFECTED.of(reversed)).containsExactly(TOWNSHIP_PAGE, VILLAGE_PAGE, COUNTY_PAGE);
        }

        @Test
        void aRequestedGrantIsListedOnItsHouseholdsVillageOnly() {
            assertThat(AFFECTED.of(new DisbursementRequestedEvent("DSB-2", "PRJ-V", PayeeKind.HOUSEHOLD, VILLAGE,
                    TOWNSHIP, "T-8400", 300_000, List.of(), "付3", "GB-1", "clerk"))).containsExactly(VILLAGE_PAGE);
        }

        @Test
        void aPlaceOutsideTheGazetteerHasNoPage() {
            assertThat(AFFECTED.of(new HouseholdRegisteredEvent("T-8499", "李秀英", "x", "****", "x", "****",
                    "510824999999", "510824999", 3, false, "IMP-2"))).isEmpty();
        }
    }

    @Nested
    class Notices {

        @Test
        void aNoticeIsListedOnThePageOfItsOwnLevelAndPlaceAndOnTheCountySummaryWhileOpen() {
            assertThat(AFFECTED.of(published("NTC-C2", NoticeLevel.COUNTY, "510824", null)))
                    .containsExactlyElementsOf(union(notice("NTC-C2"), pages(COUNTY_PAGE)));
            assertThat(AFFECTED.of(published("NTC-T2", NoticeLevel.TOWNSHIP, TOWNSHIP, null)))
                    .containsExactlyElementsOf(union(notice("NTC-T2"), pages(TOWNSHIP_PAGE, COUNTY_PAGE)));
        }

        @Test
        void aNoticeForNoPlaceOfTheCountyIsListedOnlyAsOpenOnTheCountySummary() {
            assertThat(AFFECTED.of(published("NTC-X", NoticeLevel.TOWNSHIP, "510824999", null)))
                    .containsExactlyElementsOf(union(notice("NTC-X"), pages(COUNTY_PAGE)));
        }

        @Test
        void theEndOfANoticesPeriodTakesItOffTheCountySummary() {
            assertThat(AFFECTED.of(new NoticePeriodEndedEvent("NTC-T2", null)))
                    .containsExactly(COUNTY_PAGE, "notices/NTC-T2.html");
        }

        @Test
        void aCorrectedCountyNoticeIsMarkedOnTheCountyPage() {
            assertThat(AFFECTED.of(new NoticeSupersededEvent("NTC-C", "NTC-C3", "更正")))
                    .containsExactly(COUNTY_PAGE, "notices/NTC-C.html");
        }
    }
}
