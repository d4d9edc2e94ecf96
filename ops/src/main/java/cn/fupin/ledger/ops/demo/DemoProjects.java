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
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.CancelProjectCommand;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProposeProjectCommand;
import cn.fupin.ledger.shared.project.StartProjectCommand;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo county's projects once, after {@link DemoDataLoader}: township assessments of 2015, projects of
 * 2016 in several work areas at several stages (proposed, approved, being implemented, cancelled), and one closed
 * competitive round whose ranking an auditor can recompute. Each step is done as the demo user who would do it
 * (clerk proposes, approver approves, township submits, reviewers score), so the events and their metadata read
 * as they would in real use. A finished load is recognised by its last project.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "ledger.demo.load-data", havingValue = "true")
@Order(1)
class DemoProjectsLoader implements ApplicationRunner {

    static final String ROUND = "CMP-DEMO-2016-01";
    static final String LAST_APPROVED = "PRJ-DEMO-2016-R4";
    /** Refusals that mean a step was done by an earlier, interrupted load: skipped, so a restart completes it. */
    private static final java.util.Set<String> DONE = java.util.Set.of("PROJECT_EXISTS", "ASSESSMENT_ALREADY_RECORDED",
            "PROJECT_NOT_APPROVABLE", "PROJECT_NOT_APPROVED", "PROJECT_NOT_CANCELLABLE", "COMPETITION_EXISTS",
            "PROJECT_IN_COMPETITION", "PROJECT_NOT_PROPOSED", "PROPOSAL_ALREADY_SUBMITTED", "SUBMISSION_DEADLINE_PASSED",
            "CONFLICT_ALREADY_DECLARED", "ALREADY_SCORED", "COMPETITION_CLOSED");
    static final String CRITERION_BENEFIT = "带贫减贫成效";
    static final String CRITERION_FEASIBILITY = "项目可行性";
    static final long ROUND_BUDGET_FEN = 3_000_000_00L;
    static final String TOWNSHIP_ONE = "510824100";
    static final String TOWNSHIP_TWO = "510824102";

    private static final Logger log = LoggerFactory.getLogger(DemoProjectsLoader.class);

    private static final Actor CLERK = Actor.of("clerk", "CLERK");
    private static final Actor APPROVER = Actor.of("approver", "APPROVER");
    private static final Actor REVIEWER = Actor.of("reviewer", "REVIEWER");
    private static final Actor REVIEWER_TWO = Actor.of("reviewer2", "REVIEWER");
    private static final Actor TOWNSHIP_USER = new Actor("township", "TOWNSHIP", TOWNSHIP_ONE);
    private static final Actor TOWNSHIP_USER_TWO = new Actor("township2", "TOWNSHIP", TOWNSHIP_TWO);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final Gazetteer gazetteer;
    private final Clock clock;

    DemoProjectsLoader(CommandGateway commands, EventStore eventStore, Gazetteer gazetteer, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.gazetteer = gazetteer;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        // Done when the last round winner is approved (proposed, submitted, selected, approved: sequence 3).
        if (eventStore.lastSequenceNumberFor(LAST_APPROVED).orElse(-1L) >= 3) {
            log.info("demo projects are present; not loading them again");
            return;
        }
        List<String> poor = DemoDataLoader.poorVillages(gazetteer);
        assessments();
        directProjects(poor);
        round(poor);
        log.info("demo projects loaded: 6 projects outside the round, round {} closed with 5 proposals; {}", ROUND,
                DemoDataLoader.LABEL);
    }

    private void assessments() {
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

    private void directProjects(List<String> poor) {
        String roads = poorIn(poor, TOWNSHIP_ONE, 0);
        String water = poorIn(poor, "510824104", 0);
        String industry = poorIn(poor, "510824105", 0);
        String housing = poorIn(poor, "510824107", 0);
        String education = poorIn(poor, TOWNSHIP_TWO, 0);
        String culture = poorIn(poor, "510824104", 1);

        propose("PRJ-DEMO-2016-01", "村道硬化工程（演示）", "ROADS", roads, Beneficiary.VILLAGE,
                List.of(line(FundSource.CENTRAL, 800_000), line(FundSource.COUNTY, 200_000)),
                "硬化村道4.2公里，宽4.5米", "解决贫困村出行难，带动农产品外运", 110, 275);
        approve("PRJ-DEMO-2016-01", "苍扶贫〔2016〕21号（演示）");
        as(CLERK, () -> commands.sendAndWait(new StartProjectCommand(new ProjectId("PRJ-DEMO-2016-01"), CLERK)));

        propose("PRJ-DEMO-2016-02", "安全饮水工程（演示）", "WATER", water, Beneficiary.VILLAGE,
                List.of(line(FundSource.INTEGRATED_AGRICULTURE, 450_000)),
                "新建蓄水池2口、铺设管网6公里", "解决286人饮水安全", 86, 286);
        approve("PRJ-DEMO-2016-02", "苍扶贫〔2016〕22号（演示）");

        propose("PRJ-DEMO-2016-03", "猕猴桃产业到户扶持（演示）", "INDUSTRY", industry, Beneficiary.HOUSEHOLDS,
                List.of(line(FundSource.PROVINCIAL, 600_000), line(FundSource.DONATION, 100_000)),
                "为贫困户提供猕猴桃种苗、肥料和技术培训", "每户发展猕猴桃2亩，户均年增收3000元以上", 120, 410);
        approve("PRJ-DEMO-2016-03", "苍扶贫〔2016〕23号（演示）");
        as(CLERK, () -> commands.sendAndWait(new StartProjectCommand(new ProjectId("PRJ-DEMO-2016-03"), CLERK)));

        propose("PRJ-DEMO-2016-04", "C级危房改造（演示）", "HOUSING", housing, Beneficiary.HOUSEHOLDS,
                List.of(line(FundSource.WORK_RELIEF, 500_000)),
                "改造C级危房40户", "住上好房子", 40, 132);
        approve("PRJ-DEMO-2016-04", "苍扶贫〔2016〕24号（演示）");

        propose("PRJ-DEMO-2016-05", "村小学校舍维修（演示）", "EDUCATION", education, Beneficiary.VILLAGE,
                List.of(line(FundSource.MUNICIPAL, 300_000)),
                "维修校舍600平方米", "保障贫困家庭学生就近上学", 64, 180);

        propose("PRJ-DEMO-2016-06", "村文化室建设（演示）", "CULTURE", culture, Beneficiary.VILLAGE,
                List.of(line(FundSource.COUNTY, 150_000)),
                "新建村文化室120平方米", "丰富群众文化生活", 70, 210);
        approve("PRJ-DEMO-2016-06", "苍扶贫〔2016〕25号（演示）");
        as(APPROVER, () -> commands.sendAndWait(new CancelProjectCommand(new ProjectId("PRJ-DEMO-2016-06"),
                "选址与村规划冲突，经村民议事会决定撤销（演示）", APPROVER)));
    }

    private void round(List<String> poor) throws InterruptedException {
        record Entry(String id, String name, String workArea, Beneficiary beneficiary, Actor township, int index,
                     long yuan, int benefit, int feasibility, int benefitTwo, int feasibilityTwo) {
        }
        List<Entry> entries = List.of(
                new Entry("PRJ-DEMO-2016-R1", "产业路建设（演示）", "ROADS", Beneficiary.VILLAGE, TOWNSHIP_USER, 1,
                        1_200_000, 88, 90, 85, 86),
                new Entry("PRJ-DEMO-2016-R2", "生猪养殖到户扶持（演示）", "INDUSTRY", Beneficiary.HOUSEHOLDS, TOWNSHIP_USER, 2,
                        900_000, 80, 75, 82, 78),
                new Entry("PRJ-DEMO-2016-R3", "贫困村宽带入户（演示）", "INFORMATION", Beneficiary.VILLAGE, TOWNSHIP_USER, 3,
                        700_000, 70, 72, 74, 70),
                new Entry("PRJ-DEMO-2016-R4", "山坪塘整治（演示）", "WATER", Beneficiary.VILLAGE, TOWNSHIP_USER_TWO, 1,
                        1_100_000, 92, 88, 0, 0),
                new Entry("PRJ-DEMO-2016-R5", "实用技术培训（演示）", "CAPABILITY", Beneficiary.HOUSEHOLDS, TOWNSHIP_USER_TWO, 2,
                        400_000, 78, 85, 0, 0));
        for (Entry entry : entries) {
            String village = poorIn(poor, entry.township().townshipCode(), entry.index());
            as(entry.township(), () -> commands.sendAndWait(proposal(entry.id(), entry.name(), entry.workArea(),
                    village, entry.beneficiary(), List.of(line(FundSource.CENTRAL, entry.yuan())), entry.township())));
        }
        // The round opens once the proposals are ready, with a deadline a few seconds away, so that the demo can
        // close it at start-up (a round closes only after its deadline by the ledger's clock).
        FundId fund = FundId.of(2016, FundSource.CENTRAL);
        Instant deadline = clock.instant().plus(Duration.ofSeconds(3));
        as(CLERK, () -> commands.sendAndWait(new OpenCompetitionCommand(new CompetitionId(ROUND),
                "2016年度财政专项扶贫资金竞争立项（演示）", 2016, fund, ROUND_BUDGET_FEN,
                List.of(new Criterion(Criterion.TOWNSHIP_ASSESSMENT, 50),
                        new Criterion(CRITERION_BENEFIT, 30),
                        new Criterion(CRITERION_FEASIBILITY, 20)),
                deadline, CLERK)));

        for (Entry entry : entries) {
            as(entry.township(), () -> commands.sendAndWait(new SubmitProposalCommand(new CompetitionId(ROUND),
                    new ProjectId(entry.id()), entry.township())));
        }
        // reviewer2 works in the second township's county office: a declared conflict, so they score only the first.
        as(REVIEWER_TWO, () -> commands.sendAndWait(new DeclareConflictOfInterestCommand(new CompetitionId(ROUND),
                new TownshipCode(TOWNSHIP_TWO), REVIEWER_TWO)));
        for (Entry entry : entries) {
            score(REVIEWER, entry.id(), entry.benefit(), entry.feasibility());
            if (entry.township() == TOWNSHIP_USER) {
                score(REVIEWER_TWO, entry.id(), entry.benefitTwo(), entry.feasibilityTwo());
            }
        }
        while (clock.instant().isBefore(deadline)) {
            Thread.sleep(Math.max(1, Duration.between(clock.instant(), deadline).toMillis() + 10));
        }
        as(APPROVER, () -> commands.sendAndWait(new CloseCompetitionCommand(new CompetitionId(ROUND), APPROVER)));
        // The winners are approved; their money is reserved from the round's fund.
        for (String selected : List.of("PRJ-DEMO-2016-R1", "PRJ-DEMO-2016-R4")) {
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
                LocalDate.of(2016, 4, 1), LocalDate.of(2016, 11, 30), households, people, description, mechanism,
                null, "村党支部书记（演示）", "0839-5222000", "2016年3月村民代表大会（演示）", CLERK);
        as(CLERK, () -> commands.sendAndWait(command));
    }

    private ProposeProjectCommand proposal(String id, String name, String workArea, String village,
                                           Beneficiary beneficiary, List<BudgetLine> budget, Actor actor) {
        return new ProposeProjectCommand(new ProjectId(id), name, workArea, new VillageCode(village), beneficiary,
                budget, implementer(village), supervisor(village), LocalDate.of(2016, 5, 1),
                LocalDate.of(2016, 12, 15), 60, 190, name.replace("（演示）", "") + "，" + DemoDataLoader.LABEL,
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
        return new BudgetLine(FundId.of(2016, source).value(), Math.multiplyExact(yuan, 100L));
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
    static void as(Actor actor, Runnable step, java.util.Set<String> done) {
        try {
            Actors.runAs(actor, step);
        } catch (Refusal refusal) {
            if (!done.contains(refusal.code())) {
                throw refusal;
            }
        }
    }
}
