package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.shared.audit.ReconciliationDifference;
import cn.fupin.ledger.shared.audit.ReconciliationRecordedEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BooksDisagreeRuleTest {

    static final String ACTOR = "system:reconciliation";

    private final FactEvents events = new FactEvents();
    private final BooksDisagreeRule rule = new BooksDisagreeRule();

    private static ReconciliationRecordedEvent result(String checkedAt, int differences) {
        List<ReconciliationDifference> named = differences == 0 ? List.of()
                : List.of(new ReconciliationDifference("FUND-510824-2016-COUNTY", "reserved", 100L, 100L, 101L, 1L));
        return new ReconciliationRecordedEvent(4_812L, differences == 0, differences, named, Instant.parse(checkedAt));
    }

    @Test
    void booksThatDisagreeAtTheLastRunAreAHighFindingFromTheFirstRunThatDisagreed() {
        rule.accept(events.at("2016-07-01T02:00:00Z", ACTOR, result("2016-07-01T02:00:00Z", 0)));
        rule.accept(events.at("2016-07-02T02:00:00Z", ACTOR, result("2016-07-02T02:00:00Z", 1)));
        rule.accept(events.at("2016-07-03T02:00:00Z", ACTOR, result("2016-07-03T02:00:00Z", 3)));

        assertThat(rule.findings(Instant.parse("2016-08-01T00:00:00Z"))).singleElement().satisfies(finding -> {
            assertThat(finding.id()).isEqualTo("BOOKS_DISAGREE/reconciliation");
            assertThat(finding.severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.since()).isEqualTo(Instant.parse("2016-07-02T02:00:00Z"));
            assertThat(finding.evidence()).containsExactly("E2", "E3");
            assertThat(finding.summary()).contains("3 differences", "global index 4812");
        });
    }

    @Test
    void booksThatAgreeAgainAtTheLastRunAreNoFinding() {
        rule.accept(events.at("2016-07-02T02:00:00Z", ACTOR, result("2016-07-02T02:00:00Z", 1)));
        rule.accept(events.at("2016-07-03T02:00:00Z", ACTOR, result("2016-07-03T02:00:00Z", 0)));

        assertThat(rule.findings(Instant.parse("2016-08-01T00:00:00Z"))).isEmpty();
        assertThat(rule.findings(Instant.parse("2016-07-02T12:00:00Z"))).singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("E1"));
    }
}
