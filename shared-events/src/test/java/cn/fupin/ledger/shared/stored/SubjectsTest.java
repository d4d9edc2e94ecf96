package cn.fupin.ledger.shared.stored;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.shared.stored.StoredEventExamples.BATCH;
import static cn.fupin.ledger.shared.stored.StoredEventExamples.CARD;
import static cn.fupin.ledger.shared.stored.StoredEventExamples.DISBURSEMENT;
import static cn.fupin.ledger.shared.stored.StoredEventExamples.FUND;
import static cn.fupin.ledger.shared.stored.StoredEventExamples.FUND_CENTRAL;
import static cn.fupin.ledger.shared.stored.StoredEventExamples.NOTICE;
import static cn.fupin.ledger.shared.stored.StoredEventExamples.PROJECT;
import static cn.fupin.ledger.shared.stored.StoredEventExamples.ROUND;
import static cn.fupin.ledger.shared.stored.StoredEventExamples.TOWNSHIP;
import static cn.fupin.ledger.shared.stored.StoredEventExamples.VILLAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event history finds an event under every subject it names. One row per event type the ledger stores (every
 * example of {@link StoredEventExamples}): a new event type breaks {@link #everyStoredEventTypeHasARow} until its
 * subjects are written down here and in {@link Subjects}.
 */
class SubjectsTest {

    /** The subjects of each type's example, by the type's simple name. */
    static final Map<String, List<String>> ROWS = new HashMap<>();

    static {
        ROWS.put("TownshipAssessedEvent", List.of(TOWNSHIP));
        ROWS.put("AuditEventsViewedEvent", List.of("2f1c9a4e-0d3b-4c55-9a57-1e0f7c3b8d21"));
        ROWS.put("FourEyesRefusalRecordedEvent", List.of(DISBURSEMENT));
        ROWS.put("SharedNumberRefusalRecordedEvent", List.of("IMPORT-510824-0002", CARD));
        ROWS.put("ScreeningListUploadedEvent", List.of("SCREEN-510824-0001"));
        ROWS.put("CompetitionOpenedEvent", List.of(ROUND, FUND_CENTRAL));
        ROWS.put("ProposalSubmittedEvent", List.of(ROUND, PROJECT, TOWNSHIP, VILLAGE));
        ROWS.put("ProposalWithdrawnEvent", List.of(ROUND, PROJECT));
        ROWS.put("ProposalScoredEvent", List.of(ROUND, PROJECT));
        ROWS.put("ConflictOfInterestDeclaredEvent", List.of(ROUND, TOWNSHIP));
        ROWS.put("SubmissionsClosedEvent", List.of(ROUND));
        ROWS.put("CompetitionClosedEvent", List.of(ROUND, TOWNSHIP, PROJECT, "PRJ-2016-0009", "510824102"));
        ROWS.put("DisbursementRequestedEvent", List.of(DISBURSEMENT, PROJECT, VILLAGE, TOWNSHIP, CARD, BATCH,
                FUND_CENTRAL, FUND));
        ROWS.put("DisbursementApprovedEvent", List.of(DISBURSEMENT, PROJECT, VILLAGE, CARD, BATCH, FUND_CENTRAL,
                FUND));
        ROWS.put("DisbursementRejectedEvent", List.of(DISBURSEMENT, PROJECT, CARD, BATCH));
        ROWS.put("DisbursementReversedEvent", List.of("DSB-2016-0050", PROJECT, VILLAGE, FUND));
        ROWS.put("GrantBatchSubmittedEvent", List.of(BATCH, PROJECT, DISBURSEMENT, "DSB-2016-0043"));
        ROWS.put("GrantBatchApprovedEvent", List.of(BATCH, PROJECT));
        ROWS.put("GrantBatchRejectedEvent", List.of(BATCH, PROJECT));
        ROWS.put("NoticePublishedEvent", List.of(NOTICE, VILLAGE, PROJECT));
        ROWS.put("NoticePeriodEndedEvent", List.of(NOTICE));
        ROWS.put("NoticeSupersededEvent", List.of(NOTICE, "NTC-CR-OBJ-2016-0001"));
        ROWS.put("ObjectionFiledEvent", List.of(NOTICE, "OBJ-2016-0001", PROJECT));
        ROWS.put("ObjectionDismissedAsDuplicateEvent", List.of(NOTICE, "OBJ-2016-0002", PROJECT, "OBJ-2016-0001"));
        ROWS.put("ObjectionResolvedEvent", List.of(NOTICE, "OBJ-2016-0001", PROJECT));
        ROWS.put("FundsAppropriatedEvent", List.of(FUND, "APPR-2016-0001"));
        ROWS.put("FundsReservedEvent", List.of(FUND, PROJECT));
        ROWS.put("FundReservationReleasedEvent", List.of(FUND, PROJECT));
        ROWS.put("FundsDisbursedEvent", List.of(FUND, PROJECT, DISBURSEMENT));
        ROWS.put("FundDisbursementReversedEvent", List.of(FUND, PROJECT, DISBURSEMENT));
        ROWS.put("HouseholdRegisteredEvent", List.of(CARD, VILLAGE, TOWNSHIP, "IMP-2016-0001"));
        ROWS.put("HouseholdRegisterImportedEvent", List.of("IMP-2016-0001"));
        ROWS.put("CadreRelativeDeclaredEvent", List.of(CARD));
        ROWS.put("HouseholdExitedEvent", List.of(CARD));
        ROWS.put("HouseholdReturnedEvent", List.of(CARD));
        ROWS.put("HouseholdBankCardCorrectedEvent", List.of(CARD));
        ROWS.put("HouseholdVillageCorrectedEvent", List.of(CARD, VILLAGE, TOWNSHIP, "510824102201", "510824102"));
        ROWS.put("HouseholdPersonalDataViewedEvent", List.of(CARD));
        ROWS.put("HouseholdStartupGrantClaimedEvent", List.of(CARD, DISBURSEMENT, PROJECT));
        ROWS.put("HouseholdStartupGrantReleasedEvent", List.of(CARD, DISBURSEMENT));
        ROWS.put("PoorVillageDesignatedEvent", List.of(VILLAGE, TOWNSHIP));
        ROWS.put("ProjectProposedEvent", List.of(PROJECT, VILLAGE, TOWNSHIP, FUND_CENTRAL, FUND));
        ROWS.put("ProjectSubmittedToCompetitionEvent", List.of(PROJECT, ROUND));
        ROWS.put("ProjectSelectedEvent", List.of(PROJECT, ROUND));
        ROWS.put("ProjectRejectedEvent", List.of("PRJ-2016-0009", ROUND));
        ROWS.put("ProjectApprovedEvent", List.of(PROJECT, FUND_CENTRAL, FUND));
        ROWS.put("ProjectStartedEvent", List.of(PROJECT));
        ROWS.put("ProjectPaymentRequestedEvent", List.of(PROJECT, DISBURSEMENT, FUND_CENTRAL));
        ROWS.put("ProjectPaymentSettledEvent", List.of(PROJECT, DISBURSEMENT, FUND_CENTRAL));
        ROWS.put("ProjectCompletedEvent", List.of(PROJECT));
        ROWS.put("ProjectAcceptedEvent", List.of(PROJECT, FUND));
        ROWS.put("ProjectCancelledEvent", List.of("PRJ-2016-0011", FUND));
        ROWS.put("RedFlagReviewedEvent", List.of("LATE_NOTICE/NTC-2016-0010", "NTC-2016-0010"));
        ROWS.put("ReconciliationRecordedEvent", List.of("reconciliation", FUND));
        ROWS.put("NoticePublicationSkippedEvent", List.of("NTC-PP-PRJ-2016-0012", "PRJ-2016-0012"));
        ROWS.put("NoticePublicationRetriedEvent", List.of("NTC-PP-PRJ-2016-0012"));
    }

    private static Map<String, Object> examplesByType() {
        Map<String, Object> byType = new HashMap<>();
        StoredEventExamples.byFixture().values().forEach(e -> byType.put(e.getClass().getSimpleName(), e));
        return byType;
    }

    @Test
    void everyStoredEventTypeHasARow() {
        assertThat(new TreeSet<>(ROWS.keySet())).isEqualTo(new TreeSet<>(examplesByType().keySet()));
    }

    @Test
    void everyEventTypeHasARuleAndEveryRuleAStoredEventType() {
        Set<String> ruled = Subjects.types().stream().map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(ruled).isEqualTo(new TreeSet<>(examplesByType().keySet()));
    }

    @Test
    void eachEventIsFoundUnderEverySubjectItNamesAndNoOther() {
        examplesByType().forEach((type, example) -> assertThat(Subjects.of(example)).as(type)
                .containsExactlyInAnyOrderElementsOf(ROWS.get(type)));
    }

    @Test
    void aGrantApprovalBelongsToItsHouseholdAndVillageAsWellAsItsPayment() {
        Object approval = examplesByType().get("DisbursementApprovedEvent");

        assertThat(Subjects.of(approval)).contains(CARD, VILLAGE, DISBURSEMENT);
    }

    @Test
    void anEventOfATypeWithoutARuleFailsLoudly() {
        assertThatThrownBy(() -> Subjects.of("not an event")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }
}
