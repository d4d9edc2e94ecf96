package cn.fupin.ledger.ops.demo;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.shared.assessment.RecordTownshipAssessmentCommand;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.CloseCompetitionCommand;
import cn.fupin.ledger.shared.competition.CompetitionId;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.DeclareConflictOfInterestCommand;
import cn.fupin.ledger.shared.competition.OpenCompetitionCommand;
import cn.fupin.ledger.shared.competition.ScoreProposalCommand;
import cn.fupin.ledger.shared.competition.SubmitProposalCommand;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.TownshipCode;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.project.AcceptProjectCommand;
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.CancelProjectCommand;
import cn.fupin.ledger.shared.project.CompleteProjectCommand;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProposeProjectCommand;
import cn.fupin.ledger.shared.project.StartProjectCommand;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo county's projects, step by step as {@link DemoDataLoader}'s history calls them: township assessments of
 * 2015, projects of 2016 in several work areas at several stages (proposed, approved, being implemented, cancelled,
 * completed and accepted), and one competitive round, opened, proposed to, scored and closed, whose ranking an auditor
 * can recompute. Each step is done as the demo user who would do it (clerk proposes, approver approves, township
 * submits, reviewers score), so the events and their metadata read as they would in real use. A step an interrupted
 * load did already is refused as done and passed over.
 */
@Component
@Profile("demo")
class DemoProjects {

    static final String ROUND = "CMP-510824-DEMO-2016-01";
    /** When the round's submissions close (Cangxi time): a month after it opens. */
    static final String ROUND_DEADLINE = "2016-04-15T17:00";
    /** Refusals that mean a step was done by an earlier, interrupted load: skipped, so a restart completes it. */
    private static final Set<String> DONE = Set.of("PROJECT_EXISTS", "ASSESSMENT_ALREADY_RECORDED",
            "PROJECT_NOT_APPROVABLE", "PROJECT_NOT_APPROVED", "PROJECT_NOT_CANCELLABLE", "COMPETITION_EXISTS",
            "PROJECT_IN_COMPETITION", "PROJECT_NOT_PROPOSED", "PROPOSAL_ALREADY_SUBMITTED", "SUBMISSION_DEADLINE_PASSED",
            "CONFLICT_ALREADY_DECLARED", "ALREADY_SCORED", "COMPETITION_CLOSED", "PROJECT_NOT_IMPLEMENTING",
            "PROJECT_NOT_COMPLETED");
    static final String CRITERION_BENEFIT = "带贫减贫成效";
    static final String CRITERION_FEASIBILITY = "项目可行性";
    static final long ROUND_BUDGET_FEN = 3_000_000_00L;
    static final String TOWNSHIP_ONE = "510824100";
    static final String TOWNSHIP_TWO = "510824102";
    /** The village projects outside the round that are carried out (started), and the one completed and accepted. */
    static final List<String> STARTED = List.of("PRJ-510824-DEMO-2016-01", "PRJ-510824-DEMO-2016-02", "PRJ-510824-DEMO-2016-03");
    static final String ACCEPTED = "PRJ-510824-DEMO-2016-02";

    private static final Actor CLERK = Actor.of("clerk", "CLERK");
    private static final Actor APPROVER = Actor.of("approver", "APPROVER");
    private static final Actor REVIEWER = Actor.of("reviewer", "REVIEWER");
    private static final Actor REVIEWER_TWO = Actor.of("reviewer2", "REVIEWER");
    private static final Actor TOWNSHIP_USER = new Actor("township", "TOWNSHIP", TOWNSHIP_ONE);
    private static final Actor TOWNSHIP_USER_TWO = new Actor("township2", "TOWNSHIP", TOWNSHIP_TWO);

    /** A proposal of the round: who proposes it, where (the n-th poor village of their township), and its scores. */
    private record Entry(String id, String name, String workArea, Beneficiary beneficiary, Actor township, int index,
                         long yuan, int benefit, int feasibility, int benefitTwo, int feasibilityTwo) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("PRJ-510824-DEMO-2016-R1", "产业路建设（演示）", "ROADS", Beneficiary.VILLAGE, TOWNSHIP_USER, 1,
                    1_200_000, 88, 90, 85, 86),
            new Entry("PRJ-510824-DEMO-2016-R2", "生猪养殖到户扶持（演示）", "INDUSTRY", Beneficiary.HOUSEHOLDS, TOWNSHIP_USER, 2,
                    900_000, 80, 75, 82, 78),
            new Entry("PRJ-510824-DEMO-2016-R3", "贫困村宽带入户（演示）", "INFORMATION", Beneficiary.VILLAGE, TOWNSHIP_USER, 3,
                    700_000, 70, 72, 74, 70),
            new Entry("PRJ-510824-DEMO-2016-R4", "山坪塘整治（演示）", "WATER", Beneficiary.VILLAGE, TOWNSHIP_USER_TWO, 1,
                    1_100_000, 92, 88, 0, 0),
            new Entry("PRJ-510824-DEMO-2016-R5", "实用技术培训（演示）", "CAPABILITY", Beneficiary.HOUSEHOLDS, TOWNSHIP_USER_TWO, 2,
                    400_000, 78, 85, 0, 0));

    private final CommandGateway commands;
    private final Gazetteer gazetteer;

    DemoProjects(CommandGateway commands, Gazetteer gazetteer) {
        this.commands = commands;
        this.gazetteer = gazetteer;
    }

    private List<String> poor() {
        return DemoCounty.poorVillages(gazetteer);
    }

    /** The county's assessment of its townships for 2015 (乡镇考核结果), the round's main criterion. */
    void assessments() {
        int[] scores = {9550, 9200, 8825, 8500, 8150, 7800};
        List<String> townships = List.of(TOWNSHIP_ONE, TOWNSHIP_TWO, "510824104", "510824105", "510824107", "510824108");
        for (int i = 0; i < townships.size(); i++) {
            String township = townships.get(i);
            if (gazetteer.township(township).isEmpty()) {
                continue;
            }
            int score = scores[i];
            as(CLERK, () -> commands.sendAndWait(new RecordTownshipAssessmentCommand(new TownshipCode(township), 2015,
                    score, "苍委办〔2016〕6号（演示）", CLERK)));
        }
    }

    /** The clerk proposes the year's village projects outside the round, after the villagers' meetings in March. */
    void proposeDirectProjects() {
        List<String> poor = poor();
        propose("PRJ-510824-DEMO-2016-01", "村道硬化工程（演示）", "ROADS", poorIn(poor, TOWNSHIP_ONE, 0), Beneficiary.VILLAGE,
                List.of(line(FundSource.CENTRAL, 800_000), line(FundSource.COUNTY, 200_000)),
                "硬化村道4.2公里，宽4.5米", "解决贫困村出行难，带动农产品外运", 110, 275);
        propose("PRJ-510824-DEMO-2016-02", "安全饮水工程（演示）", "WATER", poorIn(poor, "510824104", 0), Beneficiary.VILLAGE,
                List.of(line(FundSource.INTEGRATED_AGRICULTURE, 450_000)),
                "新建蓄水池2口、铺设管网6公里", "解决286人饮水安全", 86, 286);
        propose("PRJ-510824-DEMO-2016-03", "猕猴桃产业到户扶持（演示）", "INDUSTRY", poorIn(poor, "510824105", 0),
                Beneficiary.HOUSEHOLDS, List.of(line(FundSource.PROVINCIAL, 600_000), line(FundSource.DONATION, 100_000)),
                "为贫困户提供猕猴桃种苗、肥料和技术培训", "每户发展猕猴桃2亩，户均年增收3000元以上", 120, 410);
        propose("PRJ-510824-DEMO-2016-04", "C级危房改造（演示）", "HOUSING", poorIn(poor, "510824107", 0), Beneficiary.HOUSEHOLDS,
                List.of(line(FundSource.WORK_RELIEF, 500_000)),
                "改造C级危房40户", "住上好房子", 40, 132);
        propose("PRJ-510824-DEMO-2016-05", "村小学校舍维修（演示）", "EDUCATION", poorIn(poor, TOWNSHIP_TWO, 0), Beneficiary.VILLAGE,
                List.of(line(FundSource.MUNICIPAL, 300_000)),
                "维修校舍600平方米", "保障贫困家庭学生就近上学", 64, 180);
        propose("PRJ-510824-DEMO-2016-06", "村文化室建设（演示）", "CULTURE", poorIn(poor, "510824104", 1), Beneficiary.VILLAGE,
                List.of(line(FundSource.COUNTY, 150_000)),
                "新建村文化室120平方米", "丰富群众文化生活", 70, 210);
    }

    /** The approver approves all of them but the school repair, which a newcomer can approve (README). */
    void approveDirectProjects() {
        approve("PRJ-510824-DEMO-2016-01", "苍扶贫〔2016〕21号（演示）");
        approve("PRJ-510824-DEMO-2016-02", "苍扶贫〔2016〕22号（演示）");
        approve("PRJ-510824-DEMO-2016-03", "苍扶贫〔2016〕23号（演示）");
        approve("PRJ-510824-DEMO-2016-04", "苍扶贫〔2016〕24号（演示）");
        approve("PRJ-510824-DEMO-2016-06", "苍扶贫〔2016〕25号（演示）");
    }

    /** Works begin once the plans have been public for their whole period. */
    void startWorks() {
        for (String projectId : STARTED) {
            as(CLERK, () -> commands.sendAndWait(new StartProjectCommand(new ProjectId(projectId), CLERK)));
        }
    }

    void cancelCulture() {
        as(APPROVER, () -> commands.sendAndWait(new CancelProjectCommand(new ProjectId("PRJ-510824-DEMO-2016-06"),
                "选址与村规划冲突，经村民议事会决定撤销（演示）", APPROVER)));
    }

    /** The drinking-water works are finished (完工) … */
    void completeWater() {
        as(CLERK, () -> commands.sendAndWait(new CompleteProjectCommand(new ProjectId(ACCEPTED),
                "蓄水池2口、管网6公里完工（演示）", CLERK)));
    }

    /** … and pass their acceptance inspection (验收): the ledger announces the completion (事后公告). */
    void acceptWater() {
        as(APPROVER, () -> commands.sendAndWait(new AcceptProjectCommand(new ProjectId(ACCEPTED),
                "经县水务局、乡镇人民政府联合验收，工程质量合格（演示）", APPROVER)));
    }

    /** The county opens the year's competitive round on the central fund, submissions closing a month later. */
    void openRound() {
        as(CLERK, () -> commands.sendAndWait(new OpenCompetitionCommand(new CompetitionId(ROUND),
                "2016年度财政专项扶贫资金竞争立项（演示）", 2016,
                FundId.of(DemoCountyCheck.DEMO_COUNTY, 2016, FundSource.CENTRAL), ROUND_BUDGET_FEN,
                List.of(new Criterion(Criterion.TOWNSHIP_ASSESSMENT, 50),
                        new Criterion(CRITERION_BENEFIT, 30),
                        new Criterion(CRITERION_FEASIBILITY, 20)),
                DemoHistory.china(ROUND_DEADLINE), CLERK)));
    }

    /** The first township (陵江镇) proposes its three projects and submits them to the round. */
    void firstTownshipProposes() {
        proposeAndSubmit(TOWNSHIP_USER);
    }

    /** The second township (云峰镇) proposes its two. */
    void secondTownshipProposes() {
        proposeAndSubmit(TOWNSHIP_USER_TWO);
    }

    private void proposeAndSubmit(Actor township) {
        List<String> poor = poor();
        for (Entry entry : ENTRIES) {
            if (entry.township() != township) {
                continue;
            }
            String village = poorIn(poor, township.townshipCode(), entry.index());
            as(township, () -> commands.sendAndWait(proposal(entry.id(), entry.name(), entry.workArea(), village,
                    entry.beneficiary(), List.of(line(FundSource.CENTRAL, entry.yuan())), township)));
            as(township, () -> commands.sendAndWait(new SubmitProposalCommand(new CompetitionId(ROUND),
                    new ProjectId(entry.id()), township)));
        }
    }

    /**
     * After the deadline the reviewers score: reviewer2 works in the second township's county office, declares the
     * conflict and scores only the first township's proposals.
     */
    void scoreRound() {
        as(REVIEWER_TWO, () -> commands.sendAndWait(new DeclareConflictOfInterestCommand(new CompetitionId(ROUND),
                new TownshipCode(TOWNSHIP_TWO), REVIEWER_TWO)));
        for (Entry entry : ENTRIES) {
            score(REVIEWER, entry.id(), entry.benefit(), entry.feasibility());
            if (entry.township() == TOWNSHIP_USER) {
                score(REVIEWER_TWO, entry.id(), entry.benefitTwo(), entry.feasibilityTwo());
            }
        }
    }

    /** The approver closes the round: the ledger ranks, awards within the budget and publishes the result. */
    void closeRound() {
        as(APPROVER, () -> commands.sendAndWait(new CloseCompetitionCommand(new CompetitionId(ROUND), APPROVER)));
    }

    /** The winners are approved; their money is reserved from the round's fund. */
    void approveWinners() {
        for (String selected : List.of("PRJ-510824-DEMO-2016-R1", "PRJ-510824-DEMO-2016-R4")) {
            approve(selected, "苍扶贫〔2016〕30号（演示）");
        }
    }

    private void score(Actor reviewer, String projectId, int benefit, int feasibility) {
        as(reviewer, () -> commands.sendAndWait(new ScoreProposalCommand(new CompetitionId(ROUND),
                new ProjectId(projectId), Map.of(CRITERION_BENEFIT, benefit,
                CRITERION_FEASIBILITY, feasibility), reviewer)));
    }

    private void propose(String id, String name, String workArea, String village, Beneficiary beneficiary,
                         List<BudgetLine> budget, String description, String mechanism, int households, int people) {
        ProposeProjectCommand command = new ProposeProjectCommand(new ProjectId(id), name, workArea,
                new VillageCode(village), beneficiary, budget, implementer(village), supervisor(village),
                LocalDate.of(2016, 5, 1), LocalDate.of(2016, 11, 30), households, people, description, mechanism,
                null, "村党支部书记（演示）", "0839-5222000", "2016年3月村民代表大会（演示）", CLERK);
        as(CLERK, () -> commands.sendAndWait(command));
    }

    private ProposeProjectCommand proposal(String id, String name, String workArea, String village,
                                           Beneficiary beneficiary, List<BudgetLine> budget, Actor actor) {
        return new ProposeProjectCommand(new ProjectId(id), name, workArea, new VillageCode(village), beneficiary,
                budget, implementer(village), supervisor(village), LocalDate.of(2016, 5, 1),
                LocalDate.of(2016, 12, 15), 60, 190, name.replace("（演示）", "") + "，" + DemoCounty.LABEL,
                "竞争立项申报项目，带动贫困户增收", null, "乡镇扶贫专干（演示）", "0839-5222000", null, actor);
    }

    private void approve(String projectId, String documentNo) {
        as(APPROVER, () -> commands.sendAndWait(new ApproveProjectCommand(new ProjectId(projectId), documentNo,
                APPROVER)));
    }

    private String implementer(String village) {
        return gazetteer.village(village).orElseThrow().name();
    }

    private String supervisor(String village) {
        return gazetteer.township(new VillageCode(village).township().value()).orElseThrow().name() + "人民政府";
    }

    private static BudgetLine line(FundSource source, long yuan) {
        return new BudgetLine(FundId.of(DemoCountyCheck.DEMO_COUNTY, 2016, source).value(),
                Math.multiplyExact(yuan, 100L));
    }

    /** The n-th demo poor village of a township (wrapping round when it has fewer), or of the county if it has none. */
    private static String poorIn(List<String> poor, String township, int n) {
        List<String> inTownship = new ArrayList<>(poor.stream().filter(v -> v.startsWith(township)).toList());
        if (inTownship.isEmpty()) {
            inTownship.addAll(poor);
        }
        return inTownship.get(n % inTownship.size());
    }

    /** Runs one step as the demo user who would take it, so that the event metadata names them. */
    private static void as(Actor actor, Runnable step) {
        as(actor, step, DONE);
    }

    /** The same, skipping refusals whose codes mean the step was done by an earlier, interrupted load. */
    static void as(Actor actor, Runnable step, Set<String> done) {
        try {
            Actors.runAs(actor, step);
        } catch (Refusal refusal) {
            if (!done.contains(refusal.code())) {
                throw refusal;
            }
        }
    }
}
