package cn.fupin.ledger.command.competition;

import cn.fupin.ledger.command.common.Actors;

import cn.fupin.ledger.shared.competition.CloseSubmissionsCommand;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionId;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.SubmissionsClosedEvent;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Closes a round's submissions when its deadline passes: the round's opening schedules a deadline with the
 * (persistent, database-backed) deadline manager, and when it fires the saga tells the round to record
 * {@code SubmissionsClosedEvent}. The rule itself does not depend on this saga: every submission compares the
 * deadline with the ledger's clock. The saga ends with the round's submissions closed.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CompetitionSubmissionSaga {

    static final String DEADLINE = "competition-submissions";

    private String competitionId;
    private String deadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = "competitionId")
    void on(CompetitionOpenedEvent event, DeadlineManager deadlines) {
        competitionId = event.competitionId();
        deadlineId = deadlines.schedule(event.deadline(), DEADLINE, event.competitionId());
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void submissionsDeadlinePassed(String roundId, CommandGateway commands) {
        // The deadline's payload is the round's id (a handler's first parameter is the payload).
        Actors.runAsSystem("competition-deadline",
                () -> commands.sendAndWait(new CloseSubmissionsCommand(new CompetitionId(roundId))));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "competitionId")
    void on(SubmissionsClosedEvent event) {
        // The deadline fired and the round recorded it: nothing is left to watch.
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "competitionId")
    void on(CompetitionClosedEvent event, DeadlineManager deadlines) {
        // Closed before the deadline fired (a round closes only after its deadline by the ledger's clock, which the
        // demo can move forward): the deadline has nothing left to do.
        if (deadlineId != null) {
            deadlines.cancelSchedule(DEADLINE, deadlineId);
        }
    }
}
