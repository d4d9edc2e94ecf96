package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.competition.CompetitionReviewsView;
import cn.fupin.ledger.shared.competition.CompetitionStatus;
import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.project.FindProjectsQuery;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectView;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A round's page (竞争性分配): its facts and criteria, its proposals, and what the reader may do in it — a TOWNSHIP
 * user sees its own township's proposals and, while the round takes proposals, the form that submits one of its
 * projects; a REVIEWER sees which proposals they may still score (and why not the others), what they scored, the
 * conflicts they declared and the form that declares one. Shown by a GET and again, with the reasons beside the
 * fields, by a form refused.
 */
@Component
class RoundPage {

    /** A choice in a select: its value and what it says ({@code fragments :: field} reads these two). */
    record Option(String name, String chineseName) {
    }

    /** What a TOWNSHIP user typed into the proposal form, as typed. */
    record ProposalForm(String projectId, String key) {
    }

    /** What a REVIEWER typed into the conflict form, as typed. */
    record ConflictForm(String townshipCode, String key) {
    }

    /** Projects offered in the proposal form at most; a township has far fewer proposed projects of one fund. */
    static final int PROJECTS_OFFERED_MAX = 200;

    private final RoundFacts facts;
    private final QueryGateway queries;
    private final Clock clock;

    RoundPage(RoundFacts facts, QueryGateway queries, Clock clock) {
        this.facts = facts;
        this.queries = queries;
        this.clock = clock;
    }

    String show(CompetitionView round, Actor reader, HttpSession session, Model model) {
        return show(round, reader, null, null, Map.of(), null, session, model);
    }

    /** The round's page; a form given is shown as typed with {@code errors} beside its fields, a fresh one otherwise. */
    String show(CompetitionView round, Actor reader, ProposalForm proposalForm, ConflictForm conflictForm,
                Map<String, String> errors, String general, HttpSession session, Model model) {
        boolean reviewer = RoundFacts.isReviewer(reader);
        boolean township = RoundFacts.isTownship(reader);
        CompetitionReviewsView reviews = facts.reviews(round.competitionId());
        model.addAttribute("round", summary(round));
        model.addAttribute("criteria", round.criteria().stream().map(c -> Map.of(
                "name", RoundFacts.criterionName(c.name()), "weight", c.weight() + "%",
                "how", c.fromAssessment() ? "按上一年度乡镇考核结果自动计入，不由专家打分" : "评审专家打分（0–100 分）"))
                .toList());
        List<Map<String, Object>> proposals = new ArrayList<>();
        for (CompetitionView.ProposalView proposal : round.proposals()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("projectId", proposal.projectId());
            row.put("name", proposal.projectName() == null ? proposal.projectId() : proposal.projectName());
            row.put("township", facts.townshipName(proposal.townshipCode()));
            row.put("village", facts.villageName(proposal.villageCode()));
            row.put("requested", Money.yuan(proposal.requestedFen()));
            row.put("submittedAt", RoundFacts.minute(proposal.submittedAt()));
            row.put("reviewers", proposal.reviewerCount());
            row.put("withdrawn", proposal.withdrawn());
            row.put("mine", township && proposal.townshipCode().equals(reader.townshipCode()));
            if (reviewer) {
                String why = RoundFacts.whyNotScorable(round, proposal, reader, reviews);
                row.put("scoreHref", why == null ? RoundFacts.PATH + "/" + round.competitionId() + "/scores/"
                        + proposal.projectId() : null);
                row.put("why", why);
            }
            proposals.add(row);
        }
        model.addAttribute("proposals", proposals);
        model.addAttribute("isReviewer", reviewer);
        model.addAttribute("isTownship", township);
        model.addAttribute("errors", errors);
        model.addAttribute("general", general);
        if (township) {
            model.addAttribute("townshipName", facts.townshipName(reader.townshipCode()));
            model.addAttribute("ownProposals", proposals.stream().filter(row -> (Boolean) row.get("mine")).toList());
            model.addAttribute("acceptsProposals", round.status() == CompetitionStatus.OPEN);
            model.addAttribute("projects", offered(round, reader));
            model.addAttribute("proposalForm", proposalForm != null ? proposalForm
                    : new ProposalForm("", FormKeys.of(session).issue()));
        }
        if (reviewer) {
            model.addAttribute("myConflicts", reviews.conflicts().stream()
                    .filter(c -> c.reviewer().equals(reader.username()))
                    .map(c -> facts.townshipName(c.townshipCode())).toList());
            model.addAttribute("myScores", RankingPage.scoreRows(round, reviews.scores().stream()
                    .filter(s -> s.reviewer().equals(reader.username())).toList(), facts));
            model.addAttribute("handScored", round.criteria().stream().filter(c -> !c.fromAssessment())
                    .map(c -> RoundFacts.criterionName(c.name())).toList());
            model.addAttribute("takesReviews", round.status() != CompetitionStatus.CLOSED);
            model.addAttribute("townships", facts.townships().stream()
                    .map(place -> new Option(place.code(), place.name())).toList());
            model.addAttribute("conflictForm", conflictForm != null ? conflictForm
                    : new ConflictForm("", FormKeys.of(session).issue()));
        }
        if (RoundFacts.isApprover(reader)) {
            closing(round, reviews, session, model);
        }
        return "app/round";
    }

    /**
     * What an APPROVER is told before closing the round: whether it may close now (after its deadline, not closed yet:
     * the round's own rules) and what closing does with these proposals and this budget.
     */
    private void closing(CompetitionView round, CompetitionReviewsView reviews, HttpSession session, Model model) {
        boolean closed = round.status() == CompetitionStatus.CLOSED;
        boolean beforeDeadline = clock.instant().isBefore(round.deadline());
        List<CompetitionView.ProposalView> ranked = round.proposals().stream().filter(p -> !p.withdrawn()).toList();
        long requestedFen = ranked.stream().mapToLong(CompetitionView.ProposalView::requestedFen)
                .reduce(0L, Math::addExact);
        long unscored = ranked.stream().filter(p -> p.reviewerCount() == 0).count();
        Map<String, Object> closing = new LinkedHashMap<>();
        closing.put("closable", !closed && !beforeDeadline);
        closing.put("closed", closed);
        closing.put("beforeDeadline", !closed && beforeDeadline);
        closing.put("proposals", ranked.size());
        closing.put("requested", Money.yuan(requestedFen));
        closing.put("budget", Money.yuan(round.budgetFen()));
        closing.put("exceedsBudget", requestedFen > round.budgetFen());
        closing.put("unscored", unscored);
        closing.put("hasHandScored", !handScored(round).isEmpty());
        closing.put("reviewers", reviews.scores().stream().map(s -> s.reviewer()).distinct().count());
        model.addAttribute("isApprover", true);
        model.addAttribute("closing", closing);
        model.addAttribute("closeKey", FormKeys.of(session).issue());
    }

    /** The round's facts as the pages show them. */
    static Map<String, Object> summary(CompetitionView round) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", round.competitionId());
        summary.put("title", RoundFacts.title(round));
        summary.put("fiscalYear", round.fiscalYear());
        summary.put("fundId", round.fundId());
        summary.put("budget", Money.yuan(round.budgetFen()));
        summary.put("deadline", RoundFacts.minute(round.deadline()));
        summary.put("status", RoundFacts.statusName(round.status()));
        summary.put("closed", round.status() == CompetitionStatus.CLOSED);
        summary.put("openedBy", round.openedBy());
        return summary;
    }

    /**
     * The township's projects it may submit to this round: proposed, in no round yet, with a budget line from the
     * round's fund (the project's own rules; the round refuses any other, as the API does).
     */
    private List<Option> offered(CompetitionView round, Actor reader) {
        if (reader.townshipCode() == null) {
            return List.of();
        }
        List<ProjectView> proposed = queries.query(new FindProjectsQuery(reader.townshipCode(), null,
                ProjectStatus.PROPOSED, null, PROJECTS_OFFERED_MAX),
                ResponseTypes.multipleInstancesOf(ProjectView.class)).join();
        return proposed.stream()
                .filter(project -> project.competitionId() == null)
                .filter(project -> project.budget().stream().anyMatch(line -> line.fundId().equals(round.fundId())))
                .map(project -> new Option(project.projectId(), project.name() + "（" + project.villageName() + "，"
                        + Money.yuan(project.budget().stream().filter(line -> line.fundId().equals(round.fundId()))
                        .map(line -> line.amountFen()).reduce(0L, Math::addExact)) + "）"))
                .toList();
    }

    /** Hand-scored criteria of the round, in its order. */
    static List<Criterion> handScored(CompetitionView round) {
        return round.criteria().stream().filter(c -> !c.fromAssessment()).toList();
    }
}
