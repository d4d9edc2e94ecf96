package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.CloseCompetitionCommand;
import cn.fupin.ledger.shared.competition.CompetitionId;
import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.competition.RankedProposal;
import cn.fupin.ledger.shared.money.Money;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An APPROVER closes a round (结束本轮), as {@code POST /api/competitions/{id}/close}: the same command, so the round
 * refuses here as there — before its submission deadline, or closed already — said above the round's page. Closing
 * ranks the proposals, awards the budget in rank order and selects or rejects each project, all at once; the answer
 * page says what it awarded and links to the ranking, which anyone may recompute from the events. A form sent twice
 * closes once ({@link FormKeys}).
 */
@Controller
class RoundCloseScreen {

    private final CommandGateway commands;
    private final RoundFacts facts;
    private final RoundPage roundPage;
    private final Clock clock;

    RoundCloseScreen(CommandGateway commands, RoundFacts facts, RoundPage roundPage, Clock clock) {
        this.commands = commands;
        this.facts = facts;
        this.roundPage = roundPage;
        this.clock = clock;
    }

    @PostMapping(RoundFacts.PATH + "/{id}/close")
    String close(@PathVariable("id") String id, @RequestParam(name = "key", required = false) String key,
                 HttpSession session, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor reader = RoundFacts.reader();
        Optional<CompetitionView> found = facts.round(id, reader);
        if (found.isEmpty()) {
            return RoundScreen.missing(response);
        }
        CompetitionView round = found.get();
        try {
            RoundRecorded done = FormKeys.of(session).once(key, () -> {
                Actor actor = Actors.current();
                List<RankedProposal> ranking = commands.sendAndWait(
                        new CloseCompetitionCommand(new CompetitionId(round.competitionId()), actor));
                return recorded(round, ranking, actor);
            });
            Answers.<RoundRecorded>of(session, RoundCloseScreen.class).put(done.answerId(), done);
            redirect.addAttribute("id", round.competitionId());
            redirect.addAttribute("answer", done.answerId());
            return "redirect:" + RoundFacts.PATH + "/{id}/close/recorded/{answer}";
        } catch (FormKeys.UnknownKey e) {
            return roundPage.show(round, reader, null, null, Map.of(), RoundForms.EXPIRED, session, model);
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                throw e;
            }
            // Every refusal of a close is about the round as a whole: said above its page.
            return roundPage.show(round, reader, null, null, Map.of(), "没有结束本轮："
                    + RoundFacts.chinese(refusal.code()), session, model);
        }
    }

    @GetMapping(RoundFacts.PATH + "/{id}/close/recorded/{answer}")
    String recorded(@PathVariable("id") String id, @PathVariable("answer") String answer, HttpSession session,
                    Model model) {
        RoundRecorded done = Answers.<RoundRecorded>of(session, RoundCloseScreen.class).get(answer);
        if (done == null || !done.roundId().equals(id)) {
            return "redirect:" + RoundFacts.PATH;
        }
        model.addAttribute("recorded", done);
        model.addAttribute("rankingHref", RoundFacts.PATH + "/" + id + "/ranking");
        return "app/round-recorded";
    }

    private RoundRecorded recorded(CompetitionView round, List<RankedProposal> ranking, Actor actor) {
        List<RankedProposal> awarded = ranking.stream()
                .filter(line -> line.outcome() == RankedProposal.Outcome.AWARDED).toList();
        long awardedFen = awarded.stream().mapToLong(RankedProposal::awardedFen).reduce(0L, Math::addExact);
        return new RoundRecorded(UUID.randomUUID().toString(), round.competitionId(), RoundFacts.title(round),
                "本轮已结束", List.of(
                new RoundRecorded.Fact("竞争性分配", RoundFacts.title(round), "round"),
                new RoundRecorded.Fact("参加排名的项目", ranking.size() + " 个", "ranked"),
                new RoundRecorded.Fact("安排资金的项目（竞争入选）", awarded.size() + " 个", "awarded"),
                new RoundRecorded.Fact("未入选的项目", (ranking.size() - awarded.size()) + " 个", "notAwarded"),
                new RoundRecorded.Fact("安排金额", Money.yuan(awardedFen), "awardedAmount"),
                new RoundRecorded.Fact("预算余额", Money.yuan(round.budgetFen() - awardedFen), "left"),
                new RoundRecorded.Fact("结束人", actor.username(), "actor"),
                new RoundRecorded.Fact("结束时间", RoundFacts.minute(clock.instant()), "at")));
    }
}
