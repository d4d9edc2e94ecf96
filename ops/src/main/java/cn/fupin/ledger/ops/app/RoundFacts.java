package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.query.common.Readers;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.CompetitionId;
import cn.fupin.ledger.shared.competition.CompetitionReviewsView;
import cn.fupin.ledger.shared.competition.CompetitionStatus;
import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.FindCompetitionQuery;
import cn.fupin.ledger.shared.competition.FindCompetitionReviewsQuery;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * What the round screens share: a round as the reader may see it (a REVIEWER only the rounds the API lets them read),
 * the rules of who may score which proposal (the round's own rules, so that a button is never shown for a score the
 * round would refuse), and the round's words in Chinese — statuses, criteria, places, times in the county's zone and
 * the refusals of this area.
 */
@Component
class RoundFacts {

    static final String PATH = "/app/rounds";

    /** The county's calendar: deadlines and submission times are shown in it. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    /**
     * Refusals of this area that other screens (projects, the approver's inbox) may name too: said here only when no
     * {@code app/refusals/*.properties} says them, so that two screens never give one code two texts.
     */
    private static final Map<String, String> SHARED_CODES = Map.of(
            "OTHER_TOWNSHIP", "只能申报本乡镇的项目，这个项目属于其他乡镇",
            "PROJECT_NOT_FOUND", "没有这个项目",
            "PROJECT_ID_INVALID", "项目编号格式不对（例如 PRJ-2016-0001）",
            "PROJECT_IN_COMPETITION", "这个项目已经参加了一轮竞争性分配",
            "PROJECT_NOT_PROPOSED", "只有处于“已申报”状态的项目才能参加竞争性分配",
            "TOWNSHIP_NOT_FOUND", "本县没有这个乡镇");

    private final QueryGateway queries;
    private final Gazetteer gazetteer;

    RoundFacts(QueryGateway queries, Gazetteer gazetteer) {
        this.queries = queries;
        this.gazetteer = gazetteer;
    }

    /** Who reads: the user, the role this request acts in, their township. */
    static Actor reader() {
        return Readers.current();
    }

    static boolean isReviewer(Actor actor) {
        return "REVIEWER".equals(actor.role());
    }

    static boolean isApprover(Actor actor) {
        return "APPROVER".equals(actor.role());
    }

    static boolean isClerk(Actor actor) {
        return "CLERK".equals(actor.role());
    }

    static boolean isTownship(Actor actor) {
        return "TOWNSHIP".equals(actor.role());
    }

    /**
     * The round {@code id} as the reader may read it: none for an id of the wrong shape, an unknown round, or (for a
     * REVIEWER) a closed round they neither scored nor declared a conflict in — as {@code GET /api/competitions/{id}}.
     */
    Optional<CompetitionView> round(String id, Actor reader) {
        try {
            new CompetitionId(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return queries.query(new FindCompetitionQuery(id, isReviewer(reader) ? reader.username() : null),
                ResponseTypes.optionalInstanceOf(CompetitionView.class)).join();
    }

    /** Who scored what and who declared which conflicts, from the round's events. */
    CompetitionReviewsView reviews(String id) {
        return queries.query(new FindCompetitionReviewsQuery(id), CompetitionReviewsView.class).join();
    }

    /**
     * Why {@code reviewer} may not score {@code proposal}, by the round's rules ({@code Competition}): closed, a
     * withdrawn proposal, their own township, a township they declared a conflict with, or scored already; null when
     * they may.
     */
    static String whyNotScorable(CompetitionView round, CompetitionView.ProposalView proposal, Actor reviewer,
                                 CompetitionReviewsView reviews) {
        if (round.status() == CompetitionStatus.CLOSED) {
            return "本轮已结束";
        }
        if (proposal.withdrawn()) {
            return "项目已撤回";
        }
        if (proposal.townshipCode().equals(reviewer.townshipCode())) {
            return "本人所在乡镇的项目，应当回避";
        }
        boolean conflict = reviews.conflicts().stream().anyMatch(c -> c.reviewer().equals(reviewer.username())
                && c.townshipCode().equals(proposal.townshipCode()));
        if (conflict) {
            return "已申报与该乡镇有利益冲突，应当回避";
        }
        boolean scored = reviews.scores().stream().anyMatch(s -> s.reviewer().equals(reviewer.username())
                && s.projectId().equals(proposal.projectId()));
        if (scored) {
            return "已评分（评分一经记录不能修改）";
        }
        return null;
    }

    String townshipName(String code) {
        return code == null ? "" : gazetteer.township(code).map(Place::name).orElse(code);
    }

    String villageName(String code) {
        return code == null ? "" : gazetteer.village(code).map(Place::name).orElse(code);
    }

    java.util.List<Place> townships() {
        return gazetteer.townships();
    }

    static String criterionName(String name) {
        return Criterion.TOWNSHIP_ASSESSMENT.equals(name) ? "乡镇考核结果" : name;
    }

    static String statusName(CompetitionStatus status) {
        return switch (status) {
            case OPEN -> "接受申报";
            case SUBMISSIONS_CLOSED -> "申报已截止，评审中";
            case CLOSED -> "已结束";
        };
    }

    static String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    /** The round's name, or its id when it was opened without one. */
    static String title(CompetitionView round) {
        return round.name() == null ? "竞争性分配 " + round.competitionId() : round.name();
    }

    /** A refusal code in Chinese: the properties files first, then this area's shared codes, then the general text. */
    static String chinese(String code) {
        if (Refusals.CHINESE.containsKey(code)) {
            return Refusals.CHINESE.get(code);
        }
        return SHARED_CODES.getOrDefault(code, Refusals.chinese(code));
    }

    /**
     * A refusal of a township's proposal in Chinese: the round's own wording of the codes other areas share (their
     * files word OTHER_TOWNSHIP and PROJECT_IN_COMPETITION for projects and approvals, which would misdirect a township
     * choosing a project for a round), every other code as {@link #chinese(String)} says it.
     */
    static String ofProposal(String code) {
        return SHARED_CODES.containsKey(code) ? SHARED_CODES.get(code) : chinese(code);
    }

    /**
     * Puts each field problem beside the screen's field ({@code field} maps the API's field name to the screen's, or
     * to null for a field the form does not have); answers the message for the form as a whole, or null.
     */
    static String explain(Refusal refusal, Map<String, String> fieldErrors, Function<String, String> field) {
        java.util.List<String> unplaced = new java.util.ArrayList<>();
        for (FieldProblem problem : refusal.problems()) {
            String shown = problem.field() == null ? null : field.apply(problem.field());
            if (shown != null) {
                fieldErrors.put(shown, chinese(problem.code()));
            } else {
                unplaced.add(chinese(problem.code()));
            }
        }
        if (fieldErrors.isEmpty() && unplaced.isEmpty()) {
            return chinese(refusal.code());
        }
        return unplaced.isEmpty() ? null : String.join("；", unplaced);
    }
}
