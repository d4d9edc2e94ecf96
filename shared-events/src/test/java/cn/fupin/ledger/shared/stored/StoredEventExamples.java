package cn.fupin.ledger.shared.stored;

import cn.fupin.ledger.shared.assessment.TownshipAssessedEvent;
import cn.fupin.ledger.shared.audit.AuditEventsViewedEvent;
import cn.fupin.ledger.shared.audit.FourEyesRefusalRecordedEvent;
import cn.fupin.ledger.shared.audit.ReconciliationDifference;
import cn.fupin.ledger.shared.audit.ReconciliationRecordedEvent;
import cn.fupin.ledger.shared.audit.RefusedNumber;
import cn.fupin.ledger.shared.audit.ScreeningEntry;
import cn.fupin.ledger.shared.audit.ScreeningListKind;
import cn.fupin.ledger.shared.audit.ScreeningListUploadedEvent;
import cn.fupin.ledger.shared.audit.SharedNumberRefusalRecordedEvent;
import cn.fupin.ledger.shared.competition.AssessmentUsed;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.ConflictOfInterestDeclaredEvent;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.CriterionPoints;
import cn.fupin.ledger.shared.competition.CriterionScore;
import cn.fupin.ledger.shared.competition.ProposalScoredEvent;
import cn.fupin.ledger.shared.competition.ProposalSubmittedEvent;
import cn.fupin.ledger.shared.competition.ProposalWithdrawnEvent;
import cn.fupin.ledger.shared.competition.RankedProposal;
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
import cn.fupin.ledger.shared.disclosure.NoticePublicationRetriedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublicationSkippedEvent;
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
import cn.fupin.ledger.shared.place.PoorVillageDesignatedEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
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
import cn.fupin.ledger.shared.redflag.RedFlagReviewedEvent;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each stored-event fixture ({@code events/<Type>-<revision>.json}) must read as: one event of every type, with
 * every field set (where a field may be empty, another example leaves it empty only if the shape differs). For a
 * fixture of an older revision the expected event is what the upcasters make of it, in today's shape. Fixed values,
 * as a demo county would record them.
 */
final class StoredEventExamples {

    /** The county whose ledger reads the fixtures: fund ids stored without a county are read as its. */
    static final String COUNTY = "510824";
    /** Fund ids as read today; the fixtures of the revisions before fund ids carried the county hold FUND-2016-…. */
    static final String FUND = "FUND-510824-2016-COUNTY";
    static final String FUND_CENTRAL = "FUND-510824-2016-CENTRAL";
    static final String PROJECT = "PRJ-2016-0007";
    static final String ROUND = "CMP-2016-01";
    static final String DISBURSEMENT = "DSB-2016-0042";
    static final String BATCH = "GB-2016-0003";
    static final String CARD = "H510824100205-001";
    static final String TOWNSHIP = "510824100";
    static final String VILLAGE = "510824100205";
    static final String NOTICE = "NTC-PP-PRJ-2016-0007";
    static final Instant AT = Instant.parse("2016-04-12T02:30:00Z");

    private StoredEventExamples() {
    }

    /**
     * The same expected event for several revisions of a type: the older ones are read through the upcasters into it
     * (revision 1 of an event naming a fund holds FUND-2016-…, revision 2 FUND-510824-2016-…).
     */
    private static void put(Map<String, Object> examples, String type, int from, int to, Object expected) {
        for (int revision = from; revision <= to; revision++) {
            examples.put(type + "-" + revision, expected);
        }
    }

    /** The expected event of each fixture, by the fixture's name ({@code <simple class name>-<revision>}). */
    static Map<String, Object> byFixture() {
        Map<String, Object> examples = new TreeMap<>();
        // assessment
        examples.put("TownshipAssessedEvent-1", new TownshipAssessedEvent(TOWNSHIP, 2015, 9250, "苍扶贫〔2016〕3号",
                "clerk"));
        // competition
        put(examples, "CompetitionOpenedEvent", 1, 2, new CompetitionOpenedEvent(ROUND, "2016年度竞争立项", 2016, FUND_CENTRAL,
                120_000_000L, List.of(new Criterion("带贫效果", 60), new Criterion(Criterion.TOWNSHIP_ASSESSMENT, 40)),
                Instant.parse("2016-05-31T16:00:00Z"), "clerk"));
        examples.put("ProposalSubmittedEvent-1", new ProposalSubmittedEvent(ROUND, PROJECT, TOWNSHIP, VILLAGE,
                45_000_000L, AT, "township"));
        examples.put("ProposalWithdrawnEvent-1", new ProposalWithdrawnEvent(ROUND, PROJECT, "项目撤销"));
        examples.put("ProposalScoredEvent-1", new ProposalScoredEvent(ROUND, PROJECT, "reviewer",
                List.of(new CriterionPoints("带贫效果", 88))));
        examples.put("ConflictOfInterestDeclaredEvent-1", new ConflictOfInterestDeclaredEvent(ROUND, "reviewer2",
                TOWNSHIP));
        examples.put("SubmissionsClosedEvent-1", new SubmissionsClosedEvent(ROUND,
                Instant.parse("2016-05-31T16:00:00Z")));
        examples.put("CompetitionClosedEvent-1", new CompetitionClosedEvent(ROUND,
                Instant.parse("2016-06-02T01:00:00Z"),
                List.of(new AssessmentUsed(TOWNSHIP, 2015, 9250, "苍扶贫〔2016〕3号")),
                List.of(new RankedProposal(1, PROJECT, TOWNSHIP, 45_000_000L, AT,
                                List.of(new CriterionScore("带贫效果", 8800, 2),
                                        new CriterionScore(Criterion.TOWNSHIP_ASSESSMENT, 9250, 0)),
                                898_000L, RankedProposal.Outcome.AWARDED, 45_000_000L),
                        new RankedProposal(2, "PRJ-2016-0009", "510824102", 90_000_000L, AT.plusSeconds(60),
                                List.of(new CriterionScore("带贫效果", 7000, 2),
                                        new CriterionScore(Criterion.TOWNSHIP_ASSESSMENT, 0, 0)),
                                420_000L, RankedProposal.Outcome.DOES_NOT_FIT, 0L)),
                45_000_000L, 75_000_000L, "system:competition-deadline"));
        // disbursement
        put(examples, "DisbursementRequestedEvent", 1, 2, new DisbursementRequestedEvent(DISBURSEMENT, PROJECT,
                PayeeKind.HOUSEHOLD, VILLAGE, TOWNSHIP, CARD, 300_000L,
                List.of(new BudgetLine(FUND_CENTRAL, 200_000L), new BudgetLine(FUND, 100_000L)),
                "苍扶付〔2016〕42号", BATCH, "clerk"));
        put(examples, "DisbursementApprovedEvent", 1, 2, new DisbursementApprovedEvent(DISBURSEMENT, PROJECT,
                PayeeKind.HOUSEHOLD, VILLAGE, CARD, 300_000L,
                List.of(new BudgetLine(FUND_CENTRAL, 200_000L), new BudgetLine(FUND, 100_000L)), BATCH, "approver"));
        examples.put("DisbursementRejectedEvent-1", new DisbursementRejectedEvent(DISBURSEMENT, PROJECT, CARD, BATCH,
                "异议成立：户主已外出务工", "approver"));
        put(examples, "DisbursementReversedEvent", 1, 2, new DisbursementReversedEvent("DSB-2016-0050", PROJECT,
                PayeeKind.VILLAGE, VILLAGE, null, 5_000_000L, List.of(new BudgetLine(FUND, 5_000_000L)),
                "银行退回", "approver"));
        examples.put("GrantBatchSubmittedEvent-1", new GrantBatchSubmittedEvent(BATCH, PROJECT, "苍扶付〔2016〕42号",
                List.of(DISBURSEMENT, "DSB-2016-0043"), 600_000L, "clerk"));
        examples.put("GrantBatchApprovedEvent-1", new GrantBatchApprovedEvent(BATCH, PROJECT, 600_000L, 2,
                "approver"));
        examples.put("GrantBatchRejectedEvent-1", new GrantBatchRejectedEvent(BATCH, PROJECT, "名单有误", "approver"));
        // disclosure
        NoticeContent plan = new NoticeContent(NOTICE, NoticeKind.PROJECT_PLAN, NoticeLevel.VILLAGE, VILLAGE, "白观村",
                "白观村村道硬化项目计划公示", "经村民代表大会通过，现将项目计划公示如下。\n公示期内如有异议，请向村委会反映。",
                List.of(new NoticeContent.Field("项目总投资", "45.00万元（450,000.00元）")),
                List.of("项目", "金额（元）"), List.of(new NoticeContent.Row(PROJECT, List.of("村道硬化<4.2公里>", "450,000.00"))),
                LocalDate.of(2016, 4, 12), LocalDate.of(2016, 4, 22), null, null, "0839-5222000",
                NoticeContent.HOTLINE);
        NoticePublishedEvent published = NoticePublishedEvent.of(plan, List.of(PROJECT), AT,
                Instant.parse("2016-04-22T16:00:00Z"), "system:disclosure-publisher");
        // Revision 1 recorded the content and its hash; the bytes and the names come from the content, in format 1.
        examples.put("NoticePublishedEvent-1", published);
        examples.put("NoticePublishedEvent-2", published);
        examples.put("NoticePeriodEndedEvent-1", new NoticePeriodEndedEvent(NOTICE,
                Instant.parse("2016-04-22T16:00:00Z")));
        examples.put("NoticeSupersededEvent-1", new NoticeSupersededEvent(NOTICE, "NTC-CR-OBJ-2016-0001",
                "异议成立，更正公示"));
        examples.put("ObjectionFiledEvent-1", new ObjectionFiledEvent(NOTICE, "OBJ-2016-0001", PROJECT,
                "村道长度与实际不符", "v1:AAECAwQFBgcICQoL:ciphertext", AT.plusSeconds(86_400)));
        examples.put("ObjectionDismissedAsDuplicateEvent-1", new ObjectionDismissedAsDuplicateEvent(NOTICE,
                "OBJ-2016-0002", PROJECT, "OBJ-2016-0001", "与第OBJ-2016-0001号异议内容相同", "approver"));
        examples.put("ObjectionResolvedEvent-1", new ObjectionResolvedEvent(NOTICE, "OBJ-2016-0001", PROJECT,
                ObjectionResolution.UPHELD, "经核实，村道长度应为3.8公里", "approver", true));
        // fund
        FundsAppropriatedEvent appropriated = new FundsAppropriatedEvent(FUND, "APPR-2016-0001", 2016,
                FundSource.COUNTY, 600_000_000L, "苍财农〔2016〕13号", "演示数据");
        // Revision 1 also recorded the fund's running total (here 9,000,000 yuan after this 6,000,000): left out.
        examples.put("FundsAppropriatedEvent-1", appropriated);
        examples.put("FundsAppropriatedEvent-2", appropriated);
        examples.put("FundsAppropriatedEvent-3", appropriated);
        put(examples, "FundsReservedEvent", 1, 2, new FundsReservedEvent(FUND, PROJECT, 45_000_000L, 145_000_000L,
                755_000_000L));
        put(examples, "FundReservationReleasedEvent", 1, 2, new FundReservationReleasedEvent(FUND, PROJECT, 5_000_000L,
                "ACCEPTED", 140_000_000L, 755_000_000L));
        put(examples, "FundsDisbursedEvent", 1, 2, new FundsDisbursedEvent(FUND, PROJECT, DISBURSEMENT, 100_000L,
                139_900_000L, 100_000L, 755_000_000L));
        put(examples, "FundDisbursementReversedEvent", 1, 2, new FundDisbursementReversedEvent(FUND, PROJECT, DISBURSEMENT,
                100_000L, 140_000_000L, 0L, 755_000_000L));
        // household
        examples.put("HouseholdRegisteredEvent-1", new HouseholdRegisteredEvent(CARD, "张德明",
                "v1:ESIzRFVmd4iZqrvM:aWQtY2lwaGVydGV4dA", "****1234", "v1:ESIzRFVmd4iZqrvN:Y2FyZC1jaXBoZXJ0ZXh0",
                "****5678", VILLAGE, TOWNSHIP, 4, true, "IMP-2016-0001"));
        examples.put("HouseholdRegisterImportedEvent-1", new HouseholdRegisterImportedEvent("IMP-2016-0001",
                "建档立卡户-白观村.csv", "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef", 240, 238, 2));
        examples.put("CadreRelativeDeclaredEvent-1", new CadreRelativeDeclaredEvent(CARD, "township", "兄弟",
                "村干部本人申报", null));
        // audit
        examples.put("FourEyesRefusalRecordedEvent-1", new FourEyesRefusalRecordedEvent("SAME_REQUESTER_AND_APPROVER",
                "ApproveDisbursementCommand", DISBURSEMENT, "approver", "APPROVER", "req-0001"));
        examples.put("SharedNumberRefusalRecordedEvent-1", new SharedNumberRefusalRecordedEvent("IMPORT-510824-0002",
                "补录.csv", "9f86d081884c7d65", List.of(new RefusedNumber(2, CARD, "BANK_CARD", "fp-card",
                "***************0011", "BANK_CARD_REGISTERED")), "clerk", "CLERK", "req-0002"));
        examples.put("AuditEventsViewedEvent-1", new AuditEventsViewedEvent("2f1c9a4e-0d3b-4c55-9a57-1e0f7c3b8d21",
                "auditor", CARD, "approver", "APPROVER", "DisbursementApprovedEvent", AT,
                Instant.parse("2016-12-31T16:00:00Z"), "req-0003", "newest", 1_000L, 100, "JSON", 2, true));
        examples.put("ScreeningListUploadedEvent-1", new ScreeningListUploadedEvent("SCREEN-510824-0001",
                ScreeningListKind.DECEASED, "2016年民政死亡名单", "9f86d081884c7d65",
                List.of(new ScreeningEntry("fp-one", LocalDate.of(2016, 5, 1)), new ScreeningEntry("fp-two", null))));
        examples.put("HouseholdExitedEvent-1", new HouseholdExitedEvent(CARD, 2017, "人均纯收入超过国家扶贫标准"));
        examples.put("HouseholdReturnedEvent-1", new HouseholdReturnedEvent(CARD, 2018, "因病返贫"));
        examples.put("HouseholdPersonalDataViewedEvent-1", new HouseholdPersonalDataViewedEvent(CARD,
                "核对银行账户"));
        examples.put("HouseholdStartupGrantClaimedEvent-1", new HouseholdStartupGrantClaimedEvent(CARD, DISBURSEMENT,
                PROJECT, 300_000L));
        examples.put("HouseholdStartupGrantReleasedEvent-1", new HouseholdStartupGrantReleasedEvent(CARD, DISBURSEMENT,
                "REJECTED"));
        examples.put("HouseholdBankCardCorrectedEvent-1", new HouseholdBankCardCorrectedEvent(CARD,
                "v1:ESIzRFVmd4iZqrvO:bmV3LWNhcmQtY2lwaGVydGV4dA", "****9012", "****5678", "原银行卡已注销，换发新卡"));
        examples.put("HouseholdVillageCorrectedEvent-1", new HouseholdVillageCorrectedEvent(CARD, VILLAGE, TOWNSHIP,
                "510824102201", "510824102", "登记村有误，按户籍更正"));
        // place
        examples.put("PoorVillageDesignatedEvent-1", new PoorVillageDesignatedEvent(VILLAGE, TOWNSHIP, 2016,
                "苍委办〔2016〕40号"));
        // project
        put(examples, "ProjectProposedEvent", 1, 3, new ProjectProposedEvent(PROJECT, "白观村村道硬化", "ROADS", VILLAGE,
                TOWNSHIP, Beneficiary.VILLAGE,
                List.of(new BudgetLine(FUND_CENTRAL, 30_000_000L), new BudgetLine(FUND, 15_000_000L)), 45_000_000L,
                "白观村村民委员会", "陵江镇人民政府", LocalDate.of(2016, 4, 1), LocalDate.of(2016, 11, 30), 110, 275,
                "硬化村道4.2公里", "解决出行难，带动产业发展", "每公里约10.7万元", "王建国", "0839-5222000",
                "2016年3月5日村民代表大会", "clerk"));
        examples.put("ProjectSubmittedToCompetitionEvent-1", new ProjectSubmittedToCompetitionEvent(PROJECT, ROUND,
                "township"));
        examples.put("ProjectSelectedEvent-1", new ProjectSelectedEvent(PROJECT, ROUND, 1, 45_000_000L));
        examples.put("ProjectRejectedEvent-1", new ProjectRejectedEvent("PRJ-2016-0009", ROUND, 2, "DOES_NOT_FIT"));
        put(examples, "ProjectApprovedEvent", 1, 2, new ProjectApprovedEvent(PROJECT, "苍扶贫〔2016〕31号",
                List.of(new BudgetLine(FUND_CENTRAL, 30_000_000L), new BudgetLine(FUND, 15_000_000L)), "approver"));
        examples.put("ProjectStartedEvent-1", new ProjectStartedEvent(PROJECT, "clerk"));
        put(examples, "ProjectPaymentRequestedEvent", 1, 2, new ProjectPaymentRequestedEvent(PROJECT, DISBURSEMENT,
                5_000_000L, List.of(new BudgetLine(FUND_CENTRAL, 5_000_000L))));
        put(examples, "ProjectPaymentSettledEvent", 1, 2, new ProjectPaymentSettledEvent(PROJECT, DISBURSEMENT, "APPROVED",
                5_000_000L, List.of(new BudgetLine(FUND_CENTRAL, 5_000_000L))));
        examples.put("ProjectCompletedEvent-1", new ProjectCompletedEvent(PROJECT, "村道全线贯通", "clerk"));
        put(examples, "ProjectAcceptedEvent", 1, 2, new ProjectAcceptedEvent(PROJECT, "验收合格",
                List.of(new BudgetLine(FUND, 1_000_000L)), "approver"));
        put(examples, "ProjectCancelledEvent", 1, 2, new ProjectCancelledEvent("PRJ-2016-0011", ProjectStatus.APPROVED,
                "选址调整", List.of(new BudgetLine(FUND, 8_000_000L)), "approver"));
        // red flags
        examples.put("RedFlagReviewedEvent-1", new RedFlagReviewedEvent("LATE_NOTICE/NTC-2016-0010", "LATE_NOTICE",
                "NTC-2016-0010", "已约谈经办人，迟发原因已核实", "auditor"));
        // skipped work
        examples.put("NoticePublicationSkippedEvent-1", new NoticePublicationSkippedEvent("NTC-PP-PRJ-2016-0012",
                NoticeKind.PROJECT_PLAN, "3f1c2a9e-0b7d-4e55-9a61-2c8d4f0e7b13", "ProjectApprovedEvent",
                "PRJ-2016-0012", 1, "NOTICE_INVALID", "the notice was not published: 1 problem(s)",
                List.of("title PERSONAL_NUMBER_IN_NOTICE")));
        examples.put("NoticePublicationRetriedEvent-1", new NoticePublicationRetriedEvent("NTC-PP-PRJ-2016-0012", false,
                "NOTICE_INVALID", "auditor", "AUDITOR", "req-0002"));
        // reconciliation
        examples.put("ReconciliationRecordedEvent-1", new ReconciliationRecordedEvent(4_812L, false, 1,
                List.of(new ReconciliationDifference(FUND, "reserved", 8_000_000L, 8_000_000L, 8_000_100L, 100L)),
                Instant.parse("2016-07-01T02:00:00Z")));
        return examples;
    }
}
