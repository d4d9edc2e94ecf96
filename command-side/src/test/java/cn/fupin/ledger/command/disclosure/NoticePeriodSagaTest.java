package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.shared.disclosure.EndNoticePeriodCommand;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.NoticePeriodEndedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The end of a publicity period, told as a story with time moving on the fixture's clock. */
class NoticePeriodSagaTest {

    static final String NOTICE = "NTC-2016-0007";

    SagaTestFixture<NoticePeriodSaga> fixture;
    Instant periodEndsAt;

    @BeforeEach
    void fixture() {
        fixture = new SagaTestFixture<>(NoticePeriodSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        periodEndsAt = fixture.currentTime().plus(Duration.ofDays(10));
    }

    NoticePublishedEvent published() {
        NoticeContent sample = NoticeSamples.grantList("DSB-2016-0001");
        NoticeContent content = new NoticeContent(NOTICE, sample.kind(), sample.level(), sample.placeCode(),
                sample.placeName(), sample.title(), sample.body(), sample.fields(), sample.columns(), sample.rows(),
                null, null, null, null, sample.supervisionPhone(), sample.hotline());
        return NoticePublishedEvent.of(content, List.of("DSB-2016-0001"), fixture.currentTime(), periodEndsAt,
                "clerk");
    }

    @Test
    void whenThePeriodEndsTheNoticeIsToldToRecordIt() {
        fixture.givenAggregate(NOTICE).published(published())
                .whenTimeElapses(Duration.ofDays(10).plusSeconds(1))
                .expectTriggeredDeadlinesWithName(NoticePeriodSaga.DEADLINE)
                .expectDeadlinesMet(NOTICE)
                .expectDispatchedCommands(new EndNoticePeriodCommand(new NoticeId(NOTICE)));
    }

    @Test
    void duringThePeriodNothingHappens() {
        fixture.givenAggregate(NOTICE).published(published())
                .whenTimeElapses(Duration.ofDays(10).minusSeconds(1))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(periodEndsAt, NoticePeriodSaga.DEADLINE)
                .expectActiveSagas(1);
    }

    @Test
    void theSagaEndsWhenTheNoticeHasRecordedTheEndOfItsPeriod() {
        fixture.givenAggregate(NOTICE).published(published())
                .whenAggregate(NOTICE).publishes(new NoticePeriodEndedEvent(NOTICE, periodEndsAt))
                .expectActiveSagas(0);
    }
}
