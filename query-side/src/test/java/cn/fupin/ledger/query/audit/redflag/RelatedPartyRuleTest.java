package cn.fupin.ledger.query.audit.redflag;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchApprovedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchSubmittedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import cn.fupin.ledger.shared.household.CadreRelativeDeclaredEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelatedPartyRuleTest {

    static final String CARD = "H510824100205-001";
    static final String OTHER_CARD = "H510824100205-002";
    static final String PROJECT = "PRJ-510824-a";
    static final String VILLAGE = "510824100205";
    static final Instant LATER = Instant.parse("2017-01-01T00:00:00Z");

    private final FactEvents events = new FactEvents();
    private final RelatedPartyRule rule = new RelatedPartyRule();

    private static ProjectProposedEvent proposed(String proposer) {
        return new ProjectProposedEvent(PROJECT, "养殖项目", "INDUSTRY", VILLAGE, "510824100", Beneficiary.HOUSEHOLDS,
                List.of(new BudgetLine("FUND-510824-2016-COUNTY", 1_000_000L)), 1_000_000L, "村委会", "镇政府",
                LocalDate.of(2016, 4, 1), LocalDate.of(2016, 11, 30), 2, 6, "养牛", "到户", "每户5000元", "王建国",
                "0839-5222000", "村民代表大会", proposer);
    }

    private static DisbursementRequestedEvent requested(String disbursement, String card, String batch, String clerk) {
        return new DisbursementRequestedEvent(disbursement, PROJECT, PayeeKind.HOUSEHOLD, VILLAGE, "510824100", card,
                500_000L, List.of(new BudgetLine("FUND-510824-2016-COUNTY", 500_000L)), "V-1", batch, clerk);
    }

    private static DisbursementApprovedEvent approved(String disbursement, String card, String batch, String approver) {
        return new DisbursementApprovedEvent(disbursement, PROJECT, PayeeKind.HOUSEHOLD, VILLAGE, card, 500_000L,
                List.of(new BudgetLine("FUND-510824-2016-COUNTY", 500_000L)), batch, approver);
    }

    private static CadreRelativeDeclaredEvent declared(String card, String cadre) {
        return new CadreRelativeDeclaredEvent(card, cadre, "兄弟", "本人申报", null);
    }

    @Test
    void aDeclaredRelativeWhoApprovedTheHouseholdsPaymentIsAHighFindingWithTheDeclarationAndTheActs() {
        rule.accept(events.at("2016-04-01T00:00:00Z", "township", proposed("township")));
        rule.accept(events.at("2016-05-01T00:00:00Z", "clerk", requested("DSB-1", CARD, null, "clerk")));
        rule.accept(events.at("2016-05-02T00:00:00Z", "approver", approved("DSB-1", CARD, null, "approver")));
        rule.accept(events.at("2016-06-01T00:00:00Z", "clerk", declared(CARD, "approver")));

        assertThat(rule.findings(LATER)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("RELATED_PARTY");
            assertThat(finding.subject()).isEqualTo(CARD);
            assertThat(finding.key()).isEqualTo("approver");
            assertThat(finding.severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.evidence()).containsExactly("E3", "E4");
            assertThat(finding.since()).isEqualTo(Instant.parse("2016-06-01T00:00:00Z"));
            assertThat(finding.summary()).contains("approved payment DSB-1");
        });
    }

    @Test
    void aDeclaredRelativeWhoProposedTheProjectPayingTheHouseholdIsAMediumFinding() {
        rule.accept(events.at("2016-03-01T00:00:00Z", "clerk", declared(CARD, "township")));
        rule.accept(events.at("2016-04-01T00:00:00Z", "township", proposed("township")));
        rule.accept(events.at("2016-05-01T00:00:00Z", "clerk", requested("DSB-1", CARD, null, "clerk")));

        assertThat(rule.findings(LATER)).singleElement().satisfies(finding -> {
            assertThat(finding.key()).isEqualTo("township");
            assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(finding.evidence()).containsExactly("E1", "E2");
            assertThat(finding.since()).isEqualTo(Instant.parse("2016-04-01T00:00:00Z"));
        });
    }

    @Test
    void approvingTheBatchOrResolvingAnObjectionOnThePaymentReachesTheHousehold() {
        rule.accept(events.at("2016-03-01T00:00:00Z", "clerk", declared(CARD, "approver2")));
        rule.accept(events.at("2016-05-01T00:00:00Z", "clerk", requested("DSB-1", CARD, "GB-1", "clerk")));
        rule.accept(events.at("2016-05-01T00:00:01Z", "clerk", requested("DSB-2", OTHER_CARD, "GB-1", "clerk")));
        rule.accept(events.at("2016-05-01T00:00:02Z", "clerk",
                new GrantBatchSubmittedEvent("GB-1", PROJECT, "V-1", List.of("DSB-1", "DSB-2"), 1_000_000L, "clerk")));
        rule.accept(events.at("2016-05-10T00:00:00Z", "approver2",
                new ObjectionResolvedEvent("NTC-1", "OBJ-1", "DSB-1", ObjectionResolution.DISMISSED, "查无实据",
                        "approver2", false)));
        rule.accept(events.at("2016-05-20T00:00:00Z", "approver2",
                new GrantBatchApprovedEvent("GB-1", PROJECT, 1_000_000L, 2, "approver2")));

        assertThat(rule.findings(LATER)).singleElement().satisfies(finding -> {
            assertThat(finding.subject()).isEqualTo(CARD);
            assertThat(finding.evidence()).containsExactly("E1", "E5", "E6");
            assertThat(finding.summary()).contains("resolved objection OBJ-1 on DSB-1", "approved grant batch GB-1");
        });
    }

    @Test
    void aCadreWithNoDeclaredRelativeOrADeclaredCadreWhoDidNothingForTheHouseholdIsNoFinding() {
        rule.accept(events.at("2016-03-01T00:00:00Z", "clerk", declared(OTHER_CARD, "approver")));
        rule.accept(events.at("2016-03-02T00:00:00Z", "clerk", declared(CARD, "someone-else")));
        rule.accept(events.at("2016-04-01T00:00:00Z", "township", proposed("township")));
        rule.accept(events.at("2016-05-01T00:00:00Z", "clerk", requested("DSB-1", CARD, null, "clerk")));
        rule.accept(events.at("2016-05-02T00:00:00Z", "approver", approved("DSB-1", CARD, null, "approver")));

        assertThat(rule.findings(LATER)).isEmpty();
    }

    @Test
    void aDeclarationAfterTheInstantAskedAboutIsNotYetAFinding() {
        rule.accept(events.at("2016-05-01T00:00:00Z", "clerk", requested("DSB-1", CARD, null, "clerk")));
        rule.accept(events.at("2016-05-02T00:00:00Z", "approver", approved("DSB-1", CARD, null, "approver")));
        rule.accept(events.at("2016-06-01T00:00:00Z", "clerk", declared(CARD, "approver")));

        assertThat(rule.findings(Instant.parse("2016-05-15T00:00:00Z"))).isEmpty();
    }
}
