package cn.fupin.ledger.command.competition;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.competition.AssessmentUsed;
import cn.fupin.ledger.shared.competition.CloseSubmissionsCommand;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.ConflictOfInterestDeclaredEvent;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.CriterionPoints;
import cn.fupin.ledger.shared.competition.DeclareConflictOfInterestCommand;
import cn.fupin.ledger.shared.competition.OpenCompetitionCommand;
import cn.fupin.ledger.shared.competition.ProposalScoredEvent;
import cn.fupin.ledger.shared.competition.ProposalSubmittedEvent;
import cn.fupin.ledger.shared.competition.ProposalWithdrawnEvent;
import cn.fupin.ledger.shared.competition.RankedProposal;
import cn.fupin.ledger.shared.competition.Ranking;
import cn.fupin.ledger.shared.competition.ScoreProposalCommand;
import cn.fupin.ledger.shared.competition.SubmissionsClosedEvent;
import cn.fupin.ledger.shared.fund.FiscalYear;
import cn.fupin.ledger.shared.place.Gazetteer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A competitive round (竞争立项). Invariants enforced here, because every fact the ranking depends on passes through
 * this aggregate and racing commands collide on its event sequence:
 * <ul>
 *   <li>criteria have unique names and integer weights summing to 100; TOWNSHIP_ASSESSMENT appears at most once
 *       and is never scored by hand;</li>
 *   <li>proposals enter only before the deadline (judged by the ledger's clock when submitted), each project
 *       once;</li>
 *   <li>a reviewer scores a proposal once, every hand-scored criterion 0 to 100, and never a proposal of a
 *       township they declared a conflict with;</li>
 *   <li>the round closes once, after its deadline, and the closing event holds the whole ranking.</li>
 * </ul>
 * Rules that need other aggregates (the fund's balance at opening, the project's state at submission, township
 * assessments and project selection at closing) are decided by {@link CompetitionOpener}, {@link ProposalSubmitter}
 * and {@link CompetitionCloser} in one unit of work with this aggregate.
 */
@Aggregate
public class Competition {

    static final int CRITERIA_MAX = 20;
    static final int CRITERION_NAME_LENGTH_MAX = 40;
    static final int NAME_LENGTH_MAX = 200;
    static final int PROPOSALS_MAX = 500;
    static final int WEIGHT_TOTAL = 100;
    static final int POINTS_MAX = 100;

    @AggregateIdentifier
    private String competitionId;
    private int fiscalYear;
    private String fundId;
    private long budgetFen;
    private List<Criterion> criteria = List.of();
    private Instant deadline;
    private boolean submissionsClosed;
    private boolean closed;
    private final Map<String, Ranking.Proposal> proposals = new LinkedHashMap<>();
    private final List<Ranking.Score> scores = new ArrayList<>();
    private final Set<String> scoredBy = new HashSet<>();
    private final Set<Ranking.Conflict> conflicts = new HashSet<>();

    protected Competition() {
        // Axon rebuilds the round from its events.
    }

    /** Opens the round; the caller has checked the fund. */
    Competition(OpenCompetitionCommand command, Instant now) {
        requireValid(command, now);
        apply(new CompetitionOpenedEvent(command.competitionId().value(), blankToNull(command.name()),
                command.fiscalYear(), command.fundId().value(), command.budgetFen(), List.copyOf(command.criteria()),
                command.deadline(), command.actor().username()));
    }

    static void requireValid(OpenCompetitionCommand command, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!FiscalYear.isValid(command.fiscalYear())) {
            problems.add(FieldProblem.of("fiscalYear", "FISCAL_YEAR_OUT_OF_RANGE", "the fiscal year is outside 2000-2100"));
        }
        if (command.fundId() == null) {
            problems.add(FieldProblem.of("fundId", "FUND_REQUIRED", "a round draws on one fund"));
        } else if (command.fundId().fiscalYear() != command.fiscalYear()) {
            problems.add(FieldProblem.of("fundId", "FUND_NOT_OF_YEAR", "the fund must be of the round's fiscal year"));
        }
        if (command.budgetFen() <= 0) {
            problems.add(FieldProblem.of("budgetFen", "AMOUNT_NOT_POSITIVE", "a round's budget is a positive number of fen"));
        }
        if (command.name() != null && (command.name().strip().length() > NAME_LENGTH_MAX
                || Text.hasAnyControlCharacters(command.name()))) {
            problems.add(FieldProblem.of("name", "NAME_INVALID", "the name is too long or holds control characters"));
        }
        if (command.deadline() == null) {
            problems.add(FieldProblem.of("deadline", "DEADLINE_REQUIRED", "a round needs a submission deadline"));
        } else if (!command.deadline().isAfter(now)) {
            problems.add(FieldProblem.of("deadline", "DEADLINE_PASSED", "the deadline must lie in the future"));
        }
        checkCriteria(command.criteria(), problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid("COMPETITION_INVALID", "the round was not opened: " + problems.size() + " problem(s)",
                    problems);
        }
    }

    private static void checkCriteria(List<Criterion> criteria, List<FieldProblem> problems) {
        if (criteria == null || criteria.isEmpty()) {
            problems.add(FieldProblem.of("criteria", "CRITERIA_REQUIRED", "a round needs at least one criterion"));
            return;
        }
        if (criteria.size() > CRITERIA_MAX) {
            problems.add(FieldProblem.of("criteria", "CRITERIA_TOO_MANY", "a round has at most " + CRITERIA_MAX + " criteria"));
            return;
        }
        Set<String> names = new HashSet<>();
        long total = 0;
        for (int i = 0; i < criteria.size(); i++) {
            Criterion criterion = criteria.get(i);
            String field = "criteria[" + i + "]";
            if (criterion == null || Text.isBlank(criterion.name())) {
                problems.add(FieldProblem.of(field + ".name", "CRITERION_NAME_REQUIRED", "a criterion needs a name"));
                continue;
            }
            if (!criterion.name().equals(criterion.name().strip()) || criterion.name().length() > CRITERION_NAME_LENGTH_MAX
                    || Text.hasAnyControlCharacters(criterion.name())) {
                problems.add(FieldProblem.of(field + ".name", "CRITERION_NAME_INVALID",
                        "a criterion name has at most " + CRITERION_NAME_LENGTH_MAX + " characters, no outer spaces"));
            }
            if (!names.add(criterion.name())) {
                problems.add(FieldProblem.of(field + ".name", "CRITERION_DUPLICATE", "the criterion is listed twice"));
            }
            if (criterion.weight() < 1 || criterion.weight() > WEIGHT_TOTAL) {
                problems.add(FieldProblem.of(field + ".weight", "CRITERION_WEIGHT_INVALID", "a weight is 1 to 100"));
            }
            total += criterion.weight();
        }
        if (total != WEIGHT_TOTAL) {
            problems.add(FieldProblem.of("criteria", "CRITERIA_WEIGHTS_NOT_100", "the weights sum to " + total + ", not 100"));
        }
    }

    /** Enters a project into the round; the caller has checked the project and its township. */
    void submit(String projectId, String townshipCode, String villageCode, long requestedFen, Instant now, Actor actor) {
        requireOpen();
        if (submissionsClosed || !now.isBefore(deadline)) {
            throw Refusal.conflict("SUBMISSION_DEADLINE_PASSED", "the round's submission deadline has passed");
        }
        if (proposals.containsKey(projectId)) {
            throw Refusal.conflict("PROPOSAL_ALREADY_SUBMITTED", "the project is in this round already");
        }
        if (proposals.size() >= PROPOSALS_MAX) {
            throw Refusal.conflict("ROUND_FULL", "a round takes at most " + PROPOSALS_MAX + " proposals");
        }
        if (requestedFen <= 0) {
            throw new IllegalStateException("a proposal requests a positive amount from the round's fund");
        }
        apply(new ProposalSubmittedEvent(competitionId, projectId, townshipCode, villageCode, requestedFen, now,
                actor.username()));
    }

    /** Takes a cancelled project out of the open round; it will not be ranked. */
    public void withdraw(String projectId, String reason) {
        if (closed || !proposals.containsKey(projectId)) {
            throw new IllegalStateException("only a proposal of an open round can be withdrawn: " + projectId);
        }
        apply(new ProposalWithdrawnEvent(competitionId, projectId, reason));
    }

    @CommandHandler
    void handle(DeclareConflictOfInterestCommand command, Gazetteer gazetteer) {
        requireOpen();
        String township = command.township().value();
        if (gazetteer.township(township).isEmpty()) {
            throw Refusal.notFound("TOWNSHIP_NOT_FOUND", "no township of the county has this code");
        }
        String reviewer = command.actor().username();
        if (conflicts.contains(new Ranking.Conflict(reviewer, township))) {
            throw Refusal.conflict("CONFLICT_ALREADY_DECLARED", "you declared this conflict of interest already");
        }
        apply(new ConflictOfInterestDeclaredEvent(competitionId, reviewer, township));
    }

    @CommandHandler
    void handle(ScoreProposalCommand command) {
        requireOpen();
        String projectId = command.projectId().value();
        Ranking.Proposal proposal = proposals.get(projectId);
        if (proposal == null) {
            throw Refusal.notFound("PROPOSAL_NOT_FOUND", "the project is not a proposal of this round");
        }
        Actor reviewer = command.actor();
        if (conflicts.contains(new Ranking.Conflict(reviewer.username(), proposal.townshipCode()))
                || proposal.townshipCode().equals(reviewer.townshipCode())) {
            throw Refusal.forbidden("REVIEWER_CONFLICT",
                    "you declared a conflict of interest with this proposal's township, or it is your own");
        }
        if (scoredBy.contains(scoreKey(reviewer.username(), projectId))) {
            throw Refusal.conflict("ALREADY_SCORED", "you scored this proposal already; a score is never changed");
        }
        apply(new ProposalScoredEvent(competitionId, projectId, reviewer.username(), points(command.points())));
    }

    /** Every hand-scored criterion once, in the round's order, each 0 to 100; nothing else. */
    private List<CriterionPoints> points(Map<String, Integer> given) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> points = given == null ? Map.of() : given;
        Set<String> known = new HashSet<>();
        List<CriterionPoints> result = new ArrayList<>();
        for (Criterion criterion : criteria) {
            known.add(criterion.name());
            String field = "scores." + criterion.name();
            if (criterion.fromAssessment()) {
                if (points.containsKey(criterion.name())) {
                    problems.add(FieldProblem.of(field, "CRITERION_NOT_SCORED_BY_HAND",
                            "the township assessment is filled from the recorded assessments"));
                }
                continue;
            }
            Integer value = points.get(criterion.name());
            if (value == null) {
                problems.add(FieldProblem.of(field, "SCORE_MISSING", "every criterion of the round needs points"));
            } else if (value < 0 || value > POINTS_MAX) {
                problems.add(FieldProblem.of(field, "POINTS_OUT_OF_RANGE", "points are 0 to " + POINTS_MAX));
            } else {
                result.add(new CriterionPoints(criterion.name(), value));
            }
        }
        points.keySet().stream().filter(name -> !known.contains(name)).sorted().forEach(name ->
                problems.add(FieldProblem.of("scores." + name, "CRITERION_UNKNOWN", "the round has no such criterion")));
        if (!problems.isEmpty()) {
            throw Refusal.invalid("SCORES_INVALID", "the scores were not recorded: " + problems.size() + " problem(s)",
                    problems);
        }
        return List.copyOf(result);
    }

    @CommandHandler
    void handle(CloseSubmissionsCommand command) {
        if (!closed && !submissionsClosed) {
            apply(new SubmissionsClosedEvent(competitionId, deadline));
        }
    }

    /** The facts the ranking depends on, except the township assessments, which the closer reads. */
    Ranking.Facts facts(List<AssessmentUsed> assessments) {
        return new Ranking.Facts(budgetFen, criteria, List.copyOf(proposals.values()), List.copyOf(scores),
                List.copyOf(conflicts), assessments.stream()
                .map(a -> new Ranking.Assessment(a.townshipCode(), a.scoreHundredths())).toList());
    }

    /** Records the close; the caller has ranked the proposals and selects or rejects the projects. */
    void close(Instant now, List<AssessmentUsed> assessments, List<RankedProposal> ranking, Actor actor) {
        requireOpen();
        if (now.isBefore(deadline)) {
            throw Refusal.conflict("SUBMISSIONS_STILL_OPEN", "a round closes only after its submission deadline");
        }
        long awarded = 0;
        for (RankedProposal line : ranking) {
            awarded = Math.addExact(awarded, line.awardedFen());
        }
        if (awarded > budgetFen) {
            throw new IllegalStateException("a ranking awarded more than the round's budget");
        }
        apply(new CompetitionClosedEvent(competitionId, now, List.copyOf(assessments), List.copyOf(ranking), awarded,
                budgetFen - awarded, actor.username()));
    }

    void requireOpen() {
        if (closed) {
            throw Refusal.conflict("COMPETITION_CLOSED", "the round is closed");
        }
    }

    int fiscalYear() {
        return fiscalYear;
    }

    String fundId() {
        return fundId;
    }

    Instant deadline() {
        return deadline;
    }

    List<String> proposalTownships() {
        return proposals.values().stream().map(Ranking.Proposal::townshipCode).distinct().sorted().toList();
    }

    private static String scoreKey(String reviewer, String projectId) {
        return reviewer + "\n" + projectId;
    }

    private static String blankToNull(String text) {
        return Text.isBlank(text) ? null : text.strip();
    }

    @EventSourcingHandler
    void on(CompetitionOpenedEvent event) {
        competitionId = event.competitionId();
        fiscalYear = event.fiscalYear();
        fundId = event.fundId();
        budgetFen = event.budgetFen();
        criteria = List.copyOf(event.criteria());
        deadline = event.deadline();
    }

    @EventSourcingHandler
    void on(ProposalSubmittedEvent event) {
        proposals.put(event.projectId(), new Ranking.Proposal(event.projectId(), event.townshipCode(),
                event.requestedFen(), event.submittedAt()));
    }

    @EventSourcingHandler
    void on(ProposalWithdrawnEvent event) {
        proposals.remove(event.projectId());
        scores.removeIf(score -> score.projectId().equals(event.projectId()));
    }

    @EventSourcingHandler
    void on(ConflictOfInterestDeclaredEvent event) {
        conflicts.add(new Ranking.Conflict(event.reviewer(), event.townshipCode()));
    }

    @EventSourcingHandler
    void on(ProposalScoredEvent event) {
        scores.add(new Ranking.Score(event.projectId(), event.reviewer(), event.points()));
        scoredBy.add(scoreKey(event.reviewer(), event.projectId()));
    }

    @EventSourcingHandler
    void on(SubmissionsClosedEvent event) {
        submissionsClosed = true;
    }

    @EventSourcingHandler
    void on(CompetitionClosedEvent event) {
        closed = true;
    }
}
