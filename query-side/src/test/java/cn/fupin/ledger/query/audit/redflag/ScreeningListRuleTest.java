package cn.fupin.ledger.query.audit.redflag;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.shared.audit.ScreeningEntry;
import cn.fupin.ledger.shared.audit.ScreeningListKind;
import cn.fupin.ledger.shared.audit.ScreeningListUploadedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreeningListRuleTest {

    static final String CARD = "H510824100205-001";
    static final String OTHER_CARD = "H510824100205-002";
    static final Instant LATER = Instant.parse("2018-01-01T00:00:00Z");

    private final FactEvents events = new FactEvents();
    private final List<String> fingerprinted = new ArrayList<>();
    /** The "fingerprint" of a ciphertext {@code sealed:<id>} is {@code fp:<id>}: enough to tell households apart. */
    private final ScreeningListRule rule = new ScreeningListRule((ciphertext, card) -> {
        fingerprinted.add(card);
        return "fp:" + ciphertext.substring("sealed:".length());
    });

    private static HouseholdRegisteredEvent registered(String card, String id) {
        return new HouseholdRegisteredEvent(card, "张三", "sealed:" + id, "5108**********1234", "sealed-card",
                "6222********1234", "510824100205", "510824100", 3, false, "IMPORT-1");
    }

    private static DisbursementApprovedEvent grant(String disbursement, String card) {
        return new DisbursementApprovedEvent(disbursement, "PRJ-1", PayeeKind.HOUSEHOLD, "510824100205", card, 500_000L,
                List.of(new BudgetLine("FUND-510824-2016-COUNTY", 500_000L)), null, "approver");
    }

    private static ScreeningListUploadedEvent list(ScreeningListKind kind, ScreeningEntry... entries) {
        return new ScreeningListUploadedEvent("SCREEN-1", kind, kind == ScreeningListKind.DECEASED ? "民政死亡名单"
                : "财政供养人员名单", "ab12", List.of(entries));
    }

    @Test
    void aGrantApprovedAfterTheDateOfDeathIsAFindingAndOneBeforeItIsNot() {
        rule.accept(events.at("2016-01-01T00:00:00Z", "clerk", registered(CARD, "A")));
        rule.accept(events.at("2016-03-01T02:00:00Z", "approver", grant("DSB-1", CARD)));
        rule.accept(events.at("2016-06-01T02:00:00Z", "approver", grant("DSB-2", CARD)));
        rule.accept(events.at("2017-01-10T00:00:00Z", "auditor",
                list(ScreeningListKind.DECEASED, new ScreeningEntry("fp:A", LocalDate.of(2016, 5, 1)))));

        assertThat(rule.findings(LATER)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("DECEASED_OR_PUBLIC_EMPLOYEE");
            assertThat(finding.subject()).isEqualTo(CARD);
            assertThat(finding.key()).isEqualTo("DECEASED");
            assertThat(finding.severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.evidence()).containsExactly("E1", "E3", "E4");
            assertThat(finding.since()).isEqualTo(Instant.parse("2017-01-10T00:00:00Z"));
            assertThat(finding.summary()).contains("DSB-2", "2016-05-01").doesNotContain("DSB-1", "fp:A");
        });
    }

    @Test
    void aDeathBeforeEveryGrantIsNoFindingWhenEveryGrantCameBefore() {
        rule.accept(events.at("2016-01-01T00:00:00Z", "clerk", registered(CARD, "A")));
        rule.accept(events.at("2016-03-01T02:00:00Z", "approver", grant("DSB-1", CARD)));
        rule.accept(events.at("2017-01-10T00:00:00Z", "auditor",
                list(ScreeningListKind.DECEASED, new ScreeningEntry("fp:A", LocalDate.of(2016, 5, 1)))));

        assertThat(rule.findings(LATER)).isEmpty();
    }

    @Test
    void anyGrantToAPublicEmployeeIsAFindingAndOthersOnTheRegisterAreNot() {
        rule.accept(events.at("2016-01-01T00:00:00Z", "clerk", registered(CARD, "A")));
        rule.accept(events.at("2016-01-01T00:00:01Z", "clerk", registered(OTHER_CARD, "B")));
        rule.accept(events.at("2016-03-01T02:00:00Z", "approver", grant("DSB-1", CARD)));
        rule.accept(events.at("2016-03-01T02:00:01Z", "approver", grant("DSB-2", OTHER_CARD)));
        rule.accept(events.at("2017-01-10T00:00:00Z", "auditor",
                list(ScreeningListKind.PUBLIC_EMPLOYEE, new ScreeningEntry("fp:A", null))));

        assertThat(rule.findings(LATER)).singleElement().satisfies(finding -> {
            assertThat(finding.subject()).isEqualTo(CARD);
            assertThat(finding.key()).isEqualTo("PUBLIC_EMPLOYEE");
            assertThat(finding.evidence()).containsExactly("E1", "E3", "E5");
        });
    }

    @Test
    void aListedHouseholdNeverPaidOrWhoseGrantWasReversedIsNoFinding() {
        rule.accept(events.at("2016-01-01T00:00:00Z", "clerk", registered(CARD, "A")));
        rule.accept(events.at("2016-01-01T00:00:01Z", "clerk", registered(OTHER_CARD, "B")));
        rule.accept(events.at("2016-03-01T02:00:00Z", "approver", grant("DSB-1", CARD)));
        rule.accept(events.at("2016-04-01T02:00:00Z", "approver", new DisbursementReversedEvent("DSB-1", "PRJ-1",
                PayeeKind.HOUSEHOLD, "510824100205", CARD, 500_000L,
                List.of(new BudgetLine("FUND-510824-2016-COUNTY", 500_000L)), "错发", "approver")));
        rule.accept(events.at("2017-01-10T00:00:00Z", "auditor", list(ScreeningListKind.PUBLIC_EMPLOYEE,
                new ScreeningEntry("fp:A", null), new ScreeningEntry("fp:B", null))));

        assertThat(rule.findings(LATER)).isEmpty();
        assertThat(fingerprinted).as("only households paid a grant are fingerprinted").isEmpty();
    }

    @Test
    void aListUploadedAfterTheInstantAskedAboutDoesNotCountYet() {
        rule.accept(events.at("2016-01-01T00:00:00Z", "clerk", registered(CARD, "A")));
        rule.accept(events.at("2016-03-01T02:00:00Z", "approver", grant("DSB-1", CARD)));
        rule.accept(events.at("2017-01-10T00:00:00Z", "auditor",
                list(ScreeningListKind.PUBLIC_EMPLOYEE, new ScreeningEntry("fp:A", null))));

        assertThat(rule.findings(Instant.parse("2016-12-31T00:00:00Z"))).isEmpty();
        assertThat(rule.findings(LATER)).hasSize(1);
    }
}
