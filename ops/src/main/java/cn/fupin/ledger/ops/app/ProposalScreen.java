package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.CompetitionId;
import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.competition.SubmitProposalCommand;
import cn.fupin.ledger.shared.project.FindProjectQuery;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A township submits one of its projects to a round (申报), as {@code POST /api/competitions/{id}/proposals}: the same
 * command, so the round and the project refuse here as there — another township's project, a closed round, a passed
 * deadline, a project in a round already — translated beside the field. A form sent twice records once
 * ({@link FormKeys}); the answer page shows what was recorded.
 */
@Controller
class ProposalScreen {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final RoundFacts facts;
    private final RoundPage roundPage;
    private final Clock clock;

    ProposalScreen(CommandGateway commands, QueryGateway queries, RoundFacts facts, RoundPage roundPage, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.facts = facts;
        this.roundPage = roundPage;
        this.clock = clock;
    }

    @PostMapping(RoundFacts.PATH + "/{id}/proposals")
    String submit(@PathVariable("id") String id,
                  @RequestParam(name = "projectId", required = false) String projectId,
                  @RequestParam(name = "key", required = false) String key,
                  HttpSession session, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor reader = RoundFacts.reader();
        Optional<CompetitionView> found = facts.round(id, reader);
        if (found.isEmpty()) {
            return RoundScreen.missing(response);
        }
        CompetitionView round = found.get();
        RoundPage.ProposalForm form = new RoundPage.ProposalForm(projectId == null ? "" : projectId.strip(), key);
        Map<String, String> errors = new LinkedHashMap<>();
        ProjectId project = null;
        if (form.projectId().isEmpty()) {
            errors.put("projectId", "请选择要申报的项目");
        } else {
            try {
                project = new ProjectId(form.projectId());
            } catch (IllegalArgumentException e) {
                errors.put("projectId", RoundFacts.ofProposal("PROJECT_ID_INVALID"));
            }
        }
        if (!errors.isEmpty()) {
            return roundPage.show(round, reader, form, null, errors, null, session, model);
        }
        ProjectId chosen = project;
        try {
            RoundRecorded done = FormKeys.of(session).once(key, () -> {
                Actor actor = Actors.current();
                commands.sendAndWait(new SubmitProposalCommand(new CompetitionId(round.competitionId()), chosen,
                        actor));
                return recorded(round, chosen, actor);
            });
            Answers.<RoundRecorded>of(session, ProposalScreen.class).put(done.answerId(), done);
            redirect.addAttribute("id", round.competitionId());
            redirect.addAttribute("answer", done.answerId());
            return "redirect:" + RoundFacts.PATH + "/{id}/proposals/recorded/{answer}";
        } catch (FormKeys.UnknownKey e) {
            return roundPage.show(round, reader, new RoundPage.ProposalForm(form.projectId(),
                    FormKeys.of(session).issue()), null, Map.of(), RoundForms.EXPIRED, session, model);
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                throw e;
            }
            Map<String, String> refused = new LinkedHashMap<>();
            String general = null;
            if (RoundForms.ABOUT_THE_ROUND.contains(refusal.code())) {
                general = RoundFacts.chinese(refusal.code());
            } else {
                // Every other refusal of a submission is about the project chosen.
                refused.put("projectId", RoundFacts.ofProposal(refusal.problems().isEmpty() ? refusal.code()
                        : refusal.problems().get(0).code()));
            }
            return roundPage.show(round, reader, form, null, refused, general, session, model);
        }
    }

    @GetMapping(RoundFacts.PATH + "/{id}/proposals/recorded/{answer}")
    String recorded(@PathVariable("id") String id, @PathVariable("answer") String answer, HttpSession session,
                    Model model) {
        RoundRecorded done = Answers.<RoundRecorded>of(session, ProposalScreen.class).get(answer);
        if (done == null || !done.roundId().equals(id)) {
            return "redirect:" + RoundFacts.PATH;
        }
        model.addAttribute("recorded", done);
        return "app/round-recorded";
    }

    private RoundRecorded recorded(CompetitionView round, ProjectId project, Actor actor) {
        String name = queries.query(new FindProjectQuery(project.value()),
                ResponseTypes.optionalInstanceOf(ProjectView.class)).join().map(ProjectView::name)
                .orElse(project.value());
        return new RoundRecorded(UUID.randomUUID().toString(), round.competitionId(), RoundFacts.title(round),
                "项目已申报", List.of(
                new RoundRecorded.Fact("竞争性分配", RoundFacts.title(round), "round"),
                new RoundRecorded.Fact("项目编号", project.value(), "projectId"),
                new RoundRecorded.Fact("项目名称", name, "projectName"),
                new RoundRecorded.Fact("申报乡镇", facts.townshipName(actor.townshipCode()), "township"),
                new RoundRecorded.Fact("申报人", actor.username(), "actor"),
                new RoundRecorded.Fact("申报时间", RoundFacts.minute(clock.instant()), "at")));
    }
}
