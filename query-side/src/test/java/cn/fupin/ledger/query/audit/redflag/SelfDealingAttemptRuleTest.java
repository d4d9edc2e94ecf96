package cn.fupin.ledger.query.audit.redflag;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.shared.audit.FourEyesRefusalRecordedEvent;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfDealingAttemptRuleTest {

    private final FactEvents events = new FactEvents();
    private final SelfDealingAttemptRule rule = new SelfDealingAttemptRule();

    private static FourEyesRefusalRecordedEvent refused(String actor, String subject) {
        return new FourEyesRefusalRecordedEvent("SAME_REQUESTER_AND_APPROVER", "ApproveDisbursementCommand", subject,
                actor, "APPROVER", "request-" + subject);
    }

    @Test
    void aRefusedAttemptToApproveOnesOwnRequestIsAFindingAboutThatPersonWithTheRefusalAsEvidence() {
        rule.accept(events.at("2016-05-01T02:00:00Z", "approver", refused("approver", "DSB-1")));
        rule.accept(events.at("2016-05-02T02:00:00Z", "clerk", refused("clerk", "PRJ-1")));
        rule.accept(events.at("2016-05-03T02:00:00Z", "approver", refused("approver", "GB-1")));

        List<Finding> findings = rule.findings(Instant.parse("2016-06-01T00:00:00Z"));

        assertThat(findings).extracting(Finding::subject).containsExactly("approver", "clerk");
        Finding approver = findings.get(0);
        assertThat(approver.rule()).isEqualTo("SELF_DEALING_ATTEMPT");
        assertThat(approver.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(approver.evidence()).containsExactly("E1", "E3");
        assertThat(approver.since()).isEqualTo(Instant.parse("2016-05-01T02:00:00Z"));
        assertThat(approver.summary()).contains("2 times", "DSB-1", "GB-1");
    }

    @Test
    void threeAttemptsByOnePersonAreHigh() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            rule.accept(events.at("2016-05-0" + attempt + "T02:00:00Z", "approver", refused("approver", "DSB-" + attempt)));
        }

        assertThat(rule.findings(Instant.parse("2016-06-01T00:00:00Z"))).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.HIGH);
    }

    @Test
    void noRefusalNoFinding() {
        rule.accept(events.at("2016-05-01T02:00:00Z", "clerk",
                new HouseholdExitedEvent("H510824100205-001", 2016, "脱贫")));

        assertThat(rule.findings(Instant.parse("2016-06-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void anAttemptAfterTheInstantAskedAboutIsNotYetAFinding() {
        rule.accept(events.at("2016-05-01T02:00:00Z", "approver", refused("approver", "DSB-1")));

        assertThat(rule.findings(Instant.parse("2016-04-30T00:00:00Z"))).isEmpty();
    }
}
