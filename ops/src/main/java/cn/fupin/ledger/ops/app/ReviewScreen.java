package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.CompetitionId;
import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.DeclareConflictOfInterestCommand;
import cn.fupin.ledger.shared.competition.ScoreProposalCommand;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.place.TownshipCode;
import cn.fupin.ledger.shared.project.ProjectId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A reviewer scores a proposal by the round's criteria (评分) and declares conflicts of interest (回避申报), as
 * {@code POST /api/competitions/{id}/proposals/{projectId}/scores} and {@code /conflicts}: the same commands, so the
 * round refuses here as there — a proposal of their own township or of one they declared a conflict with, a second
 * score, points out of range — translated beside the field. The score form is not offered where the round would
 * refuse it, and says why. A form sent twice records once ({@link FormKeys}); the answer page shows what was recorded.
 */
@Controller
class ReviewScreen {

    private static final String FIELD = "points-";

    private final CommandGateway commands;
    private final RoundFacts facts;
    private final RoundPage roundPage;

    ReviewScreen(CommandGateway commands, RoundFacts facts, RoundPage roundPage) {
        this.commands = commands;
        this.facts = facts;
        this.roundPage = roundPage;
    }

    /** A criterion's field on the score form: its index, the criterion, what was typed. */
    record PointsField(String name, String label, String value) {
    }

    @GetMapping(RoundFacts.PATH + "/{id}/scores/{projectId}")
    String scoreForm(@PathVariable("id") String id, @PathVariable("projectId") String projectId, HttpSession session,
                     Model model, HttpServletResponse response) {
        Actor reader = RoundFacts.reader();
        Optional<CompetitionView> round = facts.round(id, reader);
        Optional<CompetitionView.ProposalView> proposal = round.flatMap(r -> proposal(r, projectId));
        if (proposal.isEmpty()) {
            return RoundScreen.missing(response);
        }
        String why = RoundFacts.whyNotScorable(round.get(), proposal.get(), reader, facts.reviews(id));
        // No form where the round would refuse the score: the reason instead, and no key to send one with.
        return scorePage(round.get(), proposal.get(), fields(round.get(), Map.of()),
                why == null ? FormKeys.of(session).issue() : null, Map.of(), why, model);
    }

    @PostMapping(RoundFacts.PATH + "/{id}/scores/{projectId}")
    String score(@PathVariable("id") String id, @PathVariable("projectId") String projectId,
                 @RequestParam(name = "key", required = false) String key, HttpServletRequest request,
                 HttpSession session, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor reader = RoundFacts.reader();
        Optional<CompetitionView> found = facts.round(id, reader);
        Optional<CompetitionView.ProposalView> proposal = found.flatMap(r -> proposal(r, projectId));
        if (proposal.isEmpty()) {
            return RoundScreen.missing(response);
        }
        CompetitionView round = found.get();
        List<Criterion> criteria = RoundPage.handScored(round);
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Integer> points = new LinkedHashMap<>();
        for (int i = 0; i < criteria.size(); i++) {
            String value = request.getParameter(FIELD + i);
            String text = value == null ? "" : value.strip();
            typed.put(FIELD + i, text);
            if (!text.matches("\\d{1,3}") || Integer.parseInt(text) > 100) {
                errors.put(FIELD + i, "请填写 0 至 100 之间的整数");
            } else {
                points.put(criteria.get(i).name(), Integer.parseInt(text));
            }
        }
        List<PointsField> fields = fields(round, typed);
        if (!errors.isEmpty()) {
            return scorePage(round, proposal.get(), fields, key, errors, null, model);
        }
        try {
            RoundRecorded done = FormKeys.of(session).once(key, () -> {
                Actor actor = Actors.current();
                sendToRound(new ScoreProposalCommand(new CompetitionId(round.competitionId()),
                        new ProjectId(proposal.get().projectId()), points, actor));
                List<RoundRecorded.Fact> shown = new ArrayList<>();
                shown.add(new RoundRecorded.Fact("竞争性分配", RoundFacts.title(round), "round"));
                shown.add(new RoundRecorded.Fact("项目", name(proposal.get()), "projectName"));
                shown.add(new RoundRecorded.Fact("评审专家", actor.username(), "reviewer"));
                for (int i = 0; i < criteria.size(); i++) {
                    shown.add(new RoundRecorded.Fact(RoundFacts.criterionName(criteria.get(i).name()),
                            points.get(criteria.get(i).name()) + " 分", FIELD + i));
                }
                return new RoundRecorded(UUID.randomUUID().toString(), round.competitionId(), RoundFacts.title(round),
                        "评分已记录", List.copyOf(shown));
            });
            Answers.<RoundRecorded>of(session, ReviewScreen.class).put(done.answerId(), done);
            redirect.addAttribute("id", round.competitionId());
            redirect.addAttribute("answer", done.answerId());
            return "redirect:" + RoundFacts.PATH + "/{id}/scores/recorded/{answer}";
        } catch (FormKeys.UnknownKey e) {
            return scorePage(round, proposal.get(), fields, FormKeys.of(session).issue(), Map.of(),
                    RoundForms.EXPIRED, model);
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                throw e;
            }
            Map<String, String> refused = new LinkedHashMap<>();
            String general = RoundFacts.explain(refusal, refused, field -> {
                for (int i = 0; i < criteria.size(); i++) {
                    if (field.equals("scores." + criteria.get(i).name())) {
                        return FIELD + i;
                    }
                }
                return null;
            });
            return scorePage(round, proposal.get(), fields, key, refused, general, model);
        }
    }

    @PostMapping(RoundFacts.PATH + "/{id}/conflicts")
    String declare(@PathVariable("id") String id,
                   @RequestParam(name = "townshipCode", required = false) String townshipCode,
                   @RequestParam(name = "key", required = false) String key,
                   HttpSession session, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor reader = RoundFacts.reader();
        Optional<CompetitionView> found = facts.round(id, reader);
        if (found.isEmpty()) {
            return RoundScreen.missing(response);
        }
        CompetitionView round = found.get();
        RoundPage.ConflictForm form = new RoundPage.ConflictForm(townshipCode == null ? "" : townshipCode.strip(), key);
        TownshipCode township;
        try {
            township = new TownshipCode(form.townshipCode());
        } catch (IllegalArgumentException e) {
            return roundPage.show(round, reader, null, form, Map.of("townshipCode", "请选择乡镇"), null, session,
                    model);
        }
        try {
            RoundRecorded done = FormKeys.of(session).once(key, () -> {
                Actor actor = Actors.current();
                sendToRound(new DeclareConflictOfInterestCommand(new CompetitionId(round.competitionId()), township,
                        actor));
                return new RoundRecorded(UUID.randomUUID().toString(), round.competitionId(), RoundFacts.title(round),
                        "利益冲突已申报", List.of(
                        new RoundRecorded.Fact("竞争性分配", RoundFacts.title(round), "round"),
                        new RoundRecorded.Fact("回避的乡镇", facts.townshipName(township.value()), "township"),
                        new RoundRecorded.Fact("评审专家", actor.username(), "reviewer"),
                        new RoundRecorded.Fact("效果", "本轮中该乡镇的申报项目您不能评分，其排名也不计入您的评分",
                                "effect")));
            });
            Answers.<RoundRecorded>of(session, ReviewScreen.class).put(done.answerId(), done);
            redirect.addAttribute("id", round.competitionId());
            redirect.addAttribute("answer", done.answerId());
            return "redirect:" + RoundFacts.PATH + "/{id}/conflicts/recorded/{answer}";
        } catch (FormKeys.UnknownKey e) {
            return roundPage.show(round, reader, null, new RoundPage.ConflictForm(form.townshipCode(),
                    FormKeys.of(session).issue()), Map.of(), RoundForms.EXPIRED, session, model);
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
                refused.put("townshipCode", RoundFacts.chinese(refusal.code()));
            }
            return roundPage.show(round, reader, null, form, refused, general, session, model);
        }
    }

    @GetMapping({RoundFacts.PATH + "/{id}/scores/recorded/{answer}", RoundFacts.PATH + "/{id}/conflicts/recorded/{answer}"})
    String recorded(@PathVariable("id") String id, @PathVariable("answer") String answer, HttpSession session,
                    Model model) {
        RoundRecorded done = Answers.<RoundRecorded>of(session, ReviewScreen.class).get(answer);
        if (done == null || !done.roundId().equals(id)) {
            return "redirect:" + RoundFacts.PATH;
        }
        model.addAttribute("recorded", done);
        return "app/round-recorded";
    }

    private String scorePage(CompetitionView round, CompetitionView.ProposalView proposal, List<PointsField> fields,
                             String key, Map<String, String> errors, String general, Model model) {
        model.addAttribute("round", RoundPage.summary(round));
        model.addAttribute("proposal", Map.of("projectId", proposal.projectId(), "name", name(proposal),
                "township", facts.townshipName(proposal.townshipCode()),
                "village", facts.villageName(proposal.villageCode()),
                "requested", Money.yuan(proposal.requestedFen())));
        model.addAttribute("fields", fields);
        model.addAttribute("key", key);
        model.addAttribute("errors", errors);
        model.addAttribute("general", general);
        model.addAttribute("assessed", round.criteria().stream().filter(Criterion::fromAssessment)
                .map(c -> RoundFacts.criterionName(c.name()) + "（" + c.weight() + "%）").toList());
        return "app/round-score";
    }

    private static List<PointsField> fields(CompetitionView round, Map<String, String> typed) {
        List<Criterion> criteria = RoundPage.handScored(round);
        List<PointsField> fields = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            fields.add(new PointsField(FIELD + i, RoundFacts.criterionName(criteria.get(i).name()) + "（权重 "
                    + criteria.get(i).weight() + "%，0–100 分）", typed.getOrDefault(FIELD + i, "")));
        }
        return fields;
    }

    private static Optional<CompetitionView.ProposalView> proposal(CompetitionView round, String projectId) {
        return round.proposals().stream().filter(p -> p.projectId().equals(projectId)).findFirst();
    }

    private static String name(CompetitionView.ProposalView proposal) {
        return proposal.projectName() == null ? proposal.projectId() : proposal.projectName();
    }

    /** A command handled by the round itself: an unknown round is refused with the round's own code, as the API. */
    private void sendToRound(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw Refusal.notFound("COMPETITION_NOT_FOUND", "no round has this id");
        }
    }
}
