package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.shared.disclosure.EndNoticePeriodCommand;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.NoticePeriodEndedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Records the end of a notice's publicity period: publishing schedules a deadline at the period's end with the
 * persistent, database-backed deadline manager (it survives restarts and fires on one node), and when it fires the
 * saga tells the notice, as the system process {@code system:notice-period}, to record
 * {@code NoticePeriodEndedEvent}. The rules never wait for it: objections and payments compare the period's end with
 * the ledger's clock when they are decided. The saga ends when the notice has recorded the end.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class NoticePeriodSaga {

    static final String DEADLINE = "notice-period";
    static final String PROCESS = "notice-period";

    private String noticeId;

    @StartSaga
    @SagaEventHandler(associationProperty = "noticeId")
    void on(NoticePublishedEvent event, DeadlineManager deadlines) {
        noticeId = event.noticeId();
        deadlines.schedule(event.periodEndsAt(), DEADLINE, event.noticeId());
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void periodEnded(String endedNoticeId, CommandGateway commands) {
        // The deadline's payload is the notice's id (a deadline handler's first parameter is the payload).
        Actors.runAsSystem(PROCESS,
                () -> commands.sendAndWait(new EndNoticePeriodCommand(new NoticeId(endedNoticeId))));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "noticeId")
    void on(NoticePeriodEndedEvent event) {
        // The notice recorded the end of its period: nothing is left to watch.
    }
}
