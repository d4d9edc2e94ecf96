package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.competition.CompetitionStatus;
import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.competition.FindCompetitionsQuery;
import cn.fupin.ledger.shared.fund.FiscalYear;
import cn.fupin.ledger.shared.money.Money;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Competitive rounds for townships and reviewers (竞争性分配): the rounds of a fiscal year, a round's page and its
 * ranking with the recomputation. A REVIEWER reads the rounds the API lets them read (those they may still score,
 * and the closed ones they scored or declared a conflict in); any other round is "not found" for them, as there.
 */
@Controller
class RoundScreen {

    private final QueryGateway queries;
    private final RoundFacts facts;
    private final RoundPage roundPage;
    private final RankingPage rankingPage;
    private final Clock clock;

    RoundScreen(QueryGateway queries, RoundFacts facts, RoundPage roundPage, RankingPage rankingPage, Clock clock) {
        this.queries = queries;
        this.facts = facts;
        this.roundPage = roundPage;
        this.rankingPage = rankingPage;
        this.clock = clock;
    }

    @GetMapping(RoundFacts.PATH)
    String rounds(@RequestParam(name = "fiscalYear", required = false) String fiscalYear, Model model) {
        int year = clock.instant().atZone(RoundFacts.CHINA).getYear();
        if (fiscalYear != null && fiscalYear.matches("\\d{4}") && FiscalYear.isValid(Integer.parseInt(fiscalYear))) {
            year = Integer.parseInt(fiscalYear);
        }
        Actor reader = RoundFacts.reader();
        // One year's rounds: a county opens a handful a year, so the year is the page.
        List<CompetitionView> rounds = queries.query(new FindCompetitionsQuery(year,
                        RoundFacts.isReviewer(reader) ? reader.username() : null),
                ResponseTypes.multipleInstancesOf(CompetitionView.class)).join();
        model.addAttribute("year", year);
        model.addAttribute("rounds", rounds.stream().map(round -> Map.of(
                "id", round.competitionId(), "title", RoundFacts.title(round),
                "budget", Money.yuan(round.budgetFen()), "deadline", RoundFacts.minute(round.deadline()),
                "status", RoundFacts.statusName(round.status()), "open", round.status() == CompetitionStatus.OPEN,
                "proposals", round.proposals().stream().filter(p -> !p.withdrawn()).count())).toList());
        model.addAttribute("isReviewer", RoundFacts.isReviewer(reader));
        model.addAttribute("isClerk", RoundFacts.isClerk(reader));
        return "app/rounds";
    }

    @GetMapping(RoundFacts.PATH + "/{id}")
    String round(@PathVariable("id") String id, HttpSession session, Model model, HttpServletResponse response) {
        Actor reader = RoundFacts.reader();
        Optional<CompetitionView> round = facts.round(id, reader);
        if (round.isEmpty()) {
            return missing(response);
        }
        return roundPage.show(round.get(), reader, session, model);
    }

    @GetMapping(RoundFacts.PATH + "/{id}/ranking")
    String ranking(@PathVariable("id") String id, Model model, HttpServletResponse response) {
        Optional<CompetitionView> round = facts.round(id, RoundFacts.reader());
        if (round.isEmpty()) {
            return missing(response);
        }
        return rankingPage.show(round.get(), model);
    }

    /** A round the reader may not read, or none: a 404 page in Chinese that names neither. */
    static String missing(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "app/round-missing";
    }
}
