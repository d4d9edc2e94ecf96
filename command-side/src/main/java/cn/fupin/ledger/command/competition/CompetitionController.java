package cn.fupin.ledger.command.competition;

import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.CloseCompetitionCommand;
import cn.fupin.ledger.shared.competition.CompetitionId;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.DeclareConflictOfInterestCommand;
import cn.fupin.ledger.shared.competition.OpenCompetitionCommand;
import cn.fupin.ledger.shared.competition.RankedProposal;
import cn.fupin.ledger.shared.competition.RankingLineView;
import cn.fupin.ledger.shared.competition.ScoreProposalCommand;
import cn.fupin.ledger.shared.competition.SubmitProposalCommand;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.place.TownshipCode;
import cn.fupin.ledger.shared.project.ProjectId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Competitive rounds: opened by a CLERK, proposals submitted by TOWNSHIP users for their own township, scored by
 * REVIEWERs (who may declare conflicts of interest), closed by an APPROVER. Roles are enforced by the security
 * configuration; the rules by the aggregates.
 */
@RestController
class CompetitionController {

    private final CommandGateway commands;
    private final NewIds ids;

    CompetitionController(CommandGateway commands, NewIds ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record CriterionRequest(@NotBlank @Size(max = Competition.CRITERION_NAME_LENGTH_MAX) String name,
                            @NotNull @Min(1) @Max(100) Integer weight) {
    }

    record OpenRequest(
            @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
            @NotBlank @Size(max = 64) String fundId,
            @NotNull @Positive Long budgetFen,
            @NotEmpty @Size(max = Competition.CRITERIA_MAX) List<@Valid @NotNull CriterionRequest> criteria,
            @NotNull Instant deadline,
            @Size(max = Competition.NAME_LENGTH_MAX) String name) {
    }

    record Opened(String competitionId) {
    }

    record ProposalRequest(@NotBlank @Size(max = 64) String projectId) {
    }

    record Submitted(String competitionId, String projectId) {
    }

    record ScoresRequest(@NotNull @Size(max = Competition.CRITERIA_MAX) Map<String, Integer> scores) {
    }

    record Scored(String competitionId, String projectId, String reviewer) {
    }

    record ConflictRequest(@NotBlank @Size(max = 9) String townshipCode) {
    }

    record Declared(String competitionId, String townshipCode, String reviewer) {
    }

    record Closed(String competitionId, List<RankingLineView> ranking) {
    }

    @PostMapping("/api/competitions")
    @ResponseStatus(HttpStatus.CREATED)
    Opened open(@Valid @RequestBody OpenRequest request) {
        FundId fundId;
        try {
            fundId = new FundId(request.fundId());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField("FUND_ID_INVALID", "fundId", "a fund id looks like FUND-510824-2016-CENTRAL");
        }
        CompetitionId id = ids.competition();
        List<Criterion> criteria = request.criteria().stream().map(c -> new Criterion(c.name(), c.weight())).toList();
        commands.sendAndWait(new OpenCompetitionCommand(id, request.name(), request.fiscalYear(), fundId,
                request.budgetFen(), criteria, request.deadline(), Actors.current()));
        return new Opened(id.value());
    }

    @PostMapping("/api/competitions/{competitionId}/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    Submitted submit(@PathVariable String competitionId, @Valid @RequestBody ProposalRequest request) {
        CompetitionId id = competitionId(competitionId);
        ProjectId projectId = projectId(request.projectId());
        commands.sendAndWait(new SubmitProposalCommand(id, projectId, Actors.current()));
        return new Submitted(id.value(), projectId.value());
    }

    @PostMapping("/api/competitions/{competitionId}/conflicts")
    @ResponseStatus(HttpStatus.CREATED)
    Declared declare(@PathVariable String competitionId, @Valid @RequestBody ConflictRequest request) {
        CompetitionId id = competitionId(competitionId);
        TownshipCode township;
        try {
            township = new TownshipCode(request.townshipCode());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField("TOWNSHIP_CODE_INVALID", "townshipCode", "a township code has 9 digits");
        }
        var actor = Actors.current();
        sendToRound(new DeclareConflictOfInterestCommand(id, township, actor));
        return new Declared(id.value(), township.value(), actor.username());
    }

    @PostMapping("/api/competitions/{competitionId}/proposals/{projectId}/scores")
    @ResponseStatus(HttpStatus.CREATED)
    Scored score(@PathVariable String competitionId, @PathVariable String projectId,
                 @Valid @RequestBody ScoresRequest request) {
        CompetitionId id = competitionId(competitionId);
        ProjectId project;
        try {
            project = new ProjectId(projectId);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("PROPOSAL_NOT_FOUND", "the project is not a proposal of this round");
        }
        var actor = Actors.current();
        sendToRound(new ScoreProposalCommand(id, project, request.scores(), actor));
        return new Scored(id.value(), project.value(), actor.username());
    }

    @PostMapping("/api/competitions/{competitionId}/close")
    Closed close(@PathVariable String competitionId) {
        CompetitionId id = competitionId(competitionId);
        List<RankedProposal> ranking = commands.sendAndWait(new CloseCompetitionCommand(id, Actors.current()));
        return new Closed(id.value(), RankingLineView.of(ranking));
    }

    /** A command handled by the round itself: an unknown round is a 404 with the round's own code. */
    private void sendToRound(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (org.axonframework.modelling.command.AggregateNotFoundException e) {
            throw Refusal.notFound("COMPETITION_NOT_FOUND", "no round has this id");
        }
    }

    private static CompetitionId competitionId(String value) {
        try {
            return new CompetitionId(value);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("COMPETITION_NOT_FOUND", "no round has this id");
        }
    }

    private static ProjectId projectId(String value) {
        try {
            return new ProjectId(value);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField("PROJECT_ID_INVALID", "projectId", "a project id looks like PRJ-2016-0001");
        }
    }
}
