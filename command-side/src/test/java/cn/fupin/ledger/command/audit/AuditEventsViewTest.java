package cn.fupin.ledger.command.audit;

import cn.fupin.ledger.shared.audit.AuditEventsViewedEvent;
import cn.fupin.ledger.shared.audit.RecordAuditEventsViewCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditEventsViewTest {

    static final AuditEventsViewedEvent VIEW = new AuditEventsViewedEvent("view-1", "auditor", "H8100-001", null,
            null, null, null, null, null, "newest", null, 100, "JSON", 4, true);

    FixtureConfiguration<AuditEventsView> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(AuditEventsView.class);
    }

    @Test
    void aViewOfTheEventHistoryIsRecordedInItsOwnStream() {
        fixture.givenNoPriorActivity()
                .when(new RecordAuditEventsViewCommand(VIEW))
                .expectEvents(VIEW);
    }
}
