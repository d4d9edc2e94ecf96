package cn.fupin.ledger.command.competition;

import cn.fupin.ledger.command.fund.Fund;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.OpenCompetitionCommand;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Opens a competitive round after checking its fund in the same unit of work: the fund exists and can still promise
 * the round's whole budget now. (The budget is not reserved here: each awarded project reserves its own lines when
 * it is approved, and a fund drawn on meanwhile refuses that approval with FUND_OVERDRAWN.)
 */
@Component
class CompetitionOpener {

    private final Configuration axon;
    private final EventStore eventStore;
    private final Clock clock;

    CompetitionOpener(Configuration axon, EventStore eventStore, Clock clock) {
        this.axon = axon;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @CommandHandler
    String handle(OpenCompetitionCommand command) throws Exception {
        Competition.requireValid(command, clock.instant());
        String competitionId = command.competitionId().value();
        if (eventStore.lastSequenceNumberFor(competitionId).isPresent()) {
            throw Refusal.conflict("COMPETITION_EXISTS", "a round with this id exists");
        }
        String fundId = command.fundId().value();
        if (eventStore.lastSequenceNumberFor(fundId).isEmpty()) {
            throw Refusal.invalid("COMPETITION_INVALID", "the round was not opened: its fund has no appropriation",
                    List.of(FieldProblem.of("fundId", "FUND_NOT_FOUND", "no appropriation has been made to this fund")));
        }
        long availableFen = axon.repository(Fund.class).load(fundId).invoke(Fund::availableFen);
        if (command.budgetFen() > availableFen) {
            throw Refusal.conflict("ROUND_BUDGET_EXCEEDS_FUND",
                    "the round's budget is more than the fund can still promise");
        }
        axon.repository(Competition.class).newInstance(() -> new Competition(command, clock.instant()));
        return competitionId;
    }
}
