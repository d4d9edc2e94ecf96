package cn.fupin.ledger.query.competition;

import cn.fupin.ledger.query.common.Readers;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.CompetitionId;
import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.competition.FindCompetitionQuery;
import cn.fupin.ledger.shared.competition.FindCompetitionsQuery;
import cn.fupin.ledger.shared.competition.RecomputationView;
import cn.fupin.ledger.shared.competition.RecomputeCompetitionQuery;
import cn.fupin.ledger.shared.fund.FiscalYear;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/competitions?fiscalYear=}, {@code GET /api/competitions/{id}} and
 * {@code GET /api/competitions/{id}/recompute}: the ranking of a closed round recomputed from the events alone and
 * compared with the recorded one (409 {@code COMPETITION_NOT_CLOSED} while the round is not closed). A REVIEWER reads
 * only the rounds they may still score (not closed) and those they scored or declared a conflict in; any other round
 * is not found for them (404), as if it did not exist.
 */
@RestController
class CompetitionQueryController {

    private final QueryGateway queries;

    CompetitionQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/competitions")
    List<CompetitionView> competitions(@RequestParam(required = false) Integer fiscalYear) {
        if (fiscalYear != null && !FiscalYear.isValid(fiscalYear)) {
            throw Refusal.invalidField("FISCAL_YEAR_OUT_OF_RANGE", "fiscalYear", "the fiscal year is outside 2000-2100");
        }
        return queries.query(new FindCompetitionsQuery(fiscalYear, reviewerScope()),
                ResponseTypes.multipleInstancesOf(CompetitionView.class)).join();
    }

    @GetMapping("/api/competitions/{competitionId}")
    CompetitionView competition(@PathVariable String competitionId) {
        requireShape(competitionId);
        return find(competitionId).orElseThrow(CompetitionQueryController::notFound);
    }

    @GetMapping("/api/competitions/{competitionId}/recompute")
    RecomputationView recompute(@PathVariable String competitionId) {
        requireShape(competitionId);
        if (reviewerScope() != null && find(competitionId).isEmpty()) {
            throw notFound();
        }
        return queries.query(new RecomputeCompetitionQuery(competitionId), RecomputationView.class).join();
    }

    private Optional<CompetitionView> find(String competitionId) {
        return queries.query(new FindCompetitionQuery(competitionId, reviewerScope()),
                ResponseTypes.optionalInstanceOf(CompetitionView.class)).join();
    }

    /** The reviewer whose scope the reading is in, when it is a REVIEWER's; otherwise {@code null} (every round). */
    private static String reviewerScope() {
        Actor reader = Readers.current();
        return "REVIEWER".equals(reader.role()) ? reader.username() : null;
    }

    private static void requireShape(String competitionId) {
        try {
            new CompetitionId(competitionId);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static Refusal notFound() {
        return Refusal.notFound("COMPETITION_NOT_FOUND", "no competitive round has this id");
    }
}
