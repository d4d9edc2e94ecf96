package cn.fupin.ledger.command.competition;

import cn.fupin.ledger.shared.competition.CloseSubmissionsCommand;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionId;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.SubmissionsClosedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The submission deadline, told as a story with time moving on the fixture's clock. */
class CompetitionSubmissionSagaTest {

    static final String ROUND = "CMP-2016-02";

    SagaTestFixture<CompetitionSubmissionSaga> fixture;
    Instant deadline;

    @BeforeEach
    void fixture() {
        fixture = new SagaTestFixture<>(CompetitionSubmissionSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        deadline = fixture.currentTime().plus(Duration.ofDays(10));
    }

    CompetitionOpenedEvent opened() {
        return new CompetitionOpenedEvent(ROUND, "2016年度", 2016, "FUND-510824-2016-CENTRAL", 1_000_000,
                List.of(new Criterion(Criterion.TOWNSHIP_ASSESSMENT, 100)), deadline, "clerk");
    }

    @Test
    void whenTheDeadlinePassesTheRoundIsToldToCloseItsSubmissions() {
        fixture.givenAggregate(ROUND).published(opened())
                .whenTimeElapses(Duration.ofDays(10).plusSeconds(1))
                .expectTriggeredDeadlinesWithName(CompetitionSubmissionSaga.DEADLINE)
                .expectDeadlinesMet(ROUND)
                .expectDispatchedCommands(new CloseSubmissionsCommand(new CompetitionId(ROUND)));
    }

    @Test
    void beforeTheDeadlineNothingHappens() {
        fixture.givenAggregate(ROUND).published(opened())
                .whenTimeElapses(Duration.ofDays(9))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void theSagaEndsWhenTheRoundRecordsItsSubmissionsClosed() {
        fixture.givenAggregate(ROUND).published(opened())
                .whenAggregate(ROUND).publishes(new SubmissionsClosedEvent(ROUND, deadline))
                .expectActiveSagas(0);
    }

    @Test
    void aRoundClosedBeforeItsDeadlineFiredCancelsTheDeadline() {
        fixture.givenAggregate(ROUND).published(opened())
                .whenAggregate(ROUND).publishes(new CompetitionClosedEvent(ROUND, deadline, List.of(), List.of(), 0,
                        1_000_000, "approver"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
