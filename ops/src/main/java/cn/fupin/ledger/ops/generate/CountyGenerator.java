package cn.fupin.ledger.ops.generate;

import cn.fupin.ledger.command.household.HouseholdRegisterFiles;
import cn.fupin.ledger.ops.demo.DemoHistory;
import cn.fupin.ledger.ops.generate.SyntheticCounty.Household;
import cn.fupin.ledger.shared.assessment.RecordTownshipAssessmentCommand;
import cn.fupin.ledger.shared.audit.ReconciliationRecordedEvent;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.competition.CloseCompetitionCommand;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionId;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.DeclareConflictOfInterestCommand;
import cn.fupin.ledger.shared.competition.OpenCompetitionCommand;
import cn.fupin.ledger.shared.competition.RankedProposal;
import cn.fupin.ledger.shared.competition.ScoreProposalCommand;
import cn.fupin.ledger.shared.competition.SubmitProposalCommand;
import cn.fupin.ledger.shared.disbursement.ApproveDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.ApproveGrantBatchCommand;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.GrantBatchId;
import cn.fupin.ledger.shared.disbursement.GrantItem;
import cn.fupin.ledger.shared.disbursement.RequestDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.ReverseDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.SubmitGrantBatchCommand;
import cn.fupin.ledger.shared.disclosure.FileObjectionCommand;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.ObjectionId;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ResolveObjectionCommand;
import cn.fupin.ledger.shared.fund.AppropriateFundsCommand;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.household.ExitHouseholdCommand;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdImportResult;
import cn.fupin.ledger.shared.household.ReturnHouseholdCommand;
import cn.fupin.ledger.shared.place.DesignatePoorVillageCommand;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds a county of realistic size on an empty ledger, through the commands people use, in-process, so that every
 * rule of the ledger decides as it would for the people named in each event: every township and village of the
 * county's gazetteer, about a third of the rural villages poor, the household register imported as files (most in the
 * first year, a few newly identified households each later year), and for each fiscal year the appropriations of
 * every source (the county's own budget over its 12,000,000-yuan floor), a competitive round (township proposals,
 * two reviewers' scores, one declared conflict, closing by ranking within its budget), direct projects across the
 * plan's work areas, plans public before any tranche, start-up grants of 3,000 yuan to every eligible household in
 * batches (grant lists public before payment), objections from the public during their periods (most dismissed, one
 * in three upheld, which withdraws the payment and makes the ledger publish a correction), reversals and their
 * re-payment, cancellations, completions and acceptances, exits and returns. The ledger's clock (the demo clock, which
 * starts on 5 January of the first year) is moved from date to date; before each move the automatic publisher has
 * published every notice due and the deadlines that the new date reaches fire ({@link DemoHistory}).
 *
 * <p>Every choice comes from one {@link Random} seeded with {@code ledger.generate.seed}: the same seed on an empty
 * ledger sends the same commands in the same order ({@link GenerationSummary#digest()}). A ledger that holds any event
 * is refused: the generator runs once per database (one database per county).
 */
@Component
@Profile("generate")
@Order(0)
public class CountyGenerator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CountyGenerator.class);

    static final String MOVED_BY = "system:county-generator";
    static final String LABEL = "生成数据（generated data）";
    private static final long GRANT_FEN = 300_000L;
    private static final long YUAN_10K_FEN = 1_000_000L;
    private static final int IMPORT_ROWS_PER_FILE = 5_000;
    private static final int BATCH_ITEMS_MAX = 1_000;
    private static final String BENEFIT = "带贫减贫成效";
    private static final String FEASIBILITY = "项目可行性";

    private static final Actor CLERK = Actor.of("clerk", "CLERK");
    private static final Actor CLERK_TWO = Actor.of("clerk2", "CLERK");
    private static final Actor APPROVER = Actor.of("approver", "APPROVER");
    private static final Actor AUDITOR = Actor.of("auditor", "AUDITOR");
    private static final Actor REVIEWER = Actor.of("reviewer", "REVIEWER");
    private static final Actor REVIEWER_TWO = Actor.of("reviewer2", "REVIEWER");
    private static final Actor PUBLIC = Actor.of("public", "PUBLIC");

    private static final List<String> VILLAGE_AREAS = List.of("ROADS", "WATER", "ENERGY", "EDUCATION", "HEALTH",
            "CULTURE", "INFORMATION", "ECOLOGY");
    private static final List<String> HOUSEHOLD_AREAS = List.of("HOUSING", "INDUSTRY", "CAPABILITY", "SOCIAL_SECURITY",
            "FINANCE");
    private static final Map<String, String> AREA_WORKS = Map.ofEntries(
            Map.entry("ROADS", "村道硬化工程"), Map.entry("WATER", "安全饮水工程"), Map.entry("ENERGY", "农村电网改造"),
            Map.entry("EDUCATION", "村小学校舍维修"), Map.entry("HEALTH", "村卫生室建设"),
            Map.entry("CULTURE", "村文化室建设"), Map.entry("INFORMATION", "贫困村宽带入户"),
            Map.entry("ECOLOGY", "退耕还林补植"), Map.entry("HOUSING", "C级危房改造"),
            Map.entry("INDUSTRY", "特色种养殖到户扶持"), Map.entry("CAPABILITY", "实用技术培训"),
            Map.entry("SOCIAL_SECURITY", "贫困户医疗救助"), Map.entry("FINANCE", "扶贫小额信贷贴息"));
    private static final List<FundSource> PROJECT_SOURCES = List.of(FundSource.CENTRAL, FundSource.PROVINCIAL,
            FundSource.MUNICIPAL, FundSource.COUNTY, FundSource.INTEGRATED_AGRICULTURE, FundSource.WORK_RELIEF,
            FundSource.DONATION);

    private final CommandGateway commands;
    private final Gazetteer gazetteer;
    private final HouseholdRegisterFiles registerFiles;
    private final DemoHistory history;
    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final GeneratorOptions options;
    private final ConfigurableApplicationContext context;
    private final Clock clock;
    private volatile GenerationSummary last;

    CountyGenerator(CommandGateway commands, Gazetteer gazetteer, HouseholdRegisterFiles registerFiles,
                    ObjectProvider<DemoHistory> history, JdbcTemplate jdbc, EventStore eventStore, GeneratorOptions options,
                    ConfigurableApplicationContext context, Clock clock) {
        this.clock = clock;
        this.commands = commands;
        this.gazetteer = gazetteer;
        this.registerFiles = registerFiles;
        // The generator walks the demo profile's movable clock, and its data are synthetic like the demo's.
        this.history = history.getIfAvailable(() -> {
            throw new IllegalStateException("the county generator runs with the demo profile, whose clock it moves:"
                    + " --spring.profiles.active=demo,generate (and mysql for MariaDB)");
        });
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.options = options;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            generate();
        } catch (RuntimeException failed) {
            if (options.exitWhenDone()) {
                // Ends the process with a failure rather than leave it up: a unit of work that timed out leaves Axon's
                // timeout thread running, which is no daemon and kept a failed generation's JVM alive, doing nothing,
                // after its context had closed.
                log.error("the county generation failed; the database holds what was recorded up to here and is not"
                        + " for another run", failed);
                SpringApplication.exit(context, () -> 1);
                System.exit(1);
            }
            throw failed;
        }
        if (options.exitWhenDone()) {
            int code = SpringApplication.exit(context, () -> 0);
            System.exit(code);
        }
    }

    /** What the last generation of this process built, if any. */
    public Optional<GenerationSummary> lastSummary() {
        return Optional.ofNullable(last);
    }

    /** Builds the county on an empty ledger and returns what it built; refuses a ledger that holds any event. */
    public GenerationSummary generate() {
        // The ledger's own reconciliation record is not county data: a fresh ledger's scheduler runs the reconciliation
        // once at its start, and may have recorded its result before this runner asks.
        Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type <> ?", Long.class,
                ReconciliationRecordedEvent.class.getName());
        if (stored != null && stored > 0) {
            throw new IllegalStateException("refusing to generate into a ledger that is not empty (" + stored
                    + " events stored): the generator builds a county on an empty database only; point"
                    + " spring.datasource.url at a new database (one per county)");
        }
        Instant start = Instant.parse(String.format("%04d-01-04T01:00:00Z", options.firstYear()));
        if (clock.instant().isAfter(start.plusSeconds(86_400L * 2))) {
            throw new IllegalStateException("the ledger's clock is at " + clock.instant() + ", after the first"
                    + " year's beginning: set --first-year (ledger.demo.clock-starts-at follows it) on an empty"
                    + " database");
        }
        Run run = new Run();
        log.info("generating county {} {}: {} households, {} fiscal years from {}, seed {}, about {} projects;"
                        + " every step through the ledger's commands, the clock moved date by date",
                gazetteer.county().code(), gazetteer.county().name(), options.households(), options.years(),
                options.firstYear(), options.seed(), options.projects());
        for (int index = 1; index <= options.years(); index++) {
            run.year(index);
        }
        history.settle();
        GenerationSummary summary = run.summary();
        last = summary;
        log.info("generated county {}: {} events, {} households, {} projects, {} rounds, {} payments ({} start-up"
                        + " grants), {} reversals, {} exits, {} returns, {} objections ({} upheld), {} commands, in {};"
                        + " digest {}", summary.countyCode(), fmt(summary.events()), fmt(summary.households()),
                fmt(summary.projects()), summary.rounds(), fmt(summary.payments()), fmt(summary.grants()),
                summary.reversals(), fmt(summary.exits()), fmt(summary.returns()), summary.objections(),
                summary.upheld(), fmt(run.steps.sent()), GeneratorProgress.format(summary.elapsed()), summary.digest());
        return summary;
    }

    private static String fmt(long count) {
        return String.format("%,d", count);
    }

    /** A project the generator proposed, and how far it went. */
    private static final class Planned {
        final String id;
        final String workArea;
        final String village;
        final List<BudgetLine> budget;
        final long totalFen;
        final boolean villageTargeted;
        boolean approved;
        boolean started;
        boolean cancelled;
        long paidFen;
        int tranches;

        Planned(String id, String workArea, String villageCode, List<BudgetLine> budget, boolean villageTargeted) {
            this.id = id;
            this.workArea = workArea;
            this.village = villageCode;
            this.budget = budget;
            this.totalFen = budget.stream().mapToLong(BudgetLine::amountFen).sum();
            this.villageTargeted = villageTargeted;
        }
    }

    /** One grant batch: its project and its households in item order (the item ids follow from the batch id). */
    private record Batch(String batchId, String projectId, List<Household> households, List<String> itemIds) {
    }

    /** The state of one generation. */
    private final class Run {

        final Random random = new Random(options.seed());
        final SyntheticCounty county = SyntheticCounty.of(gazetteer, options, random);
        final GeneratorSteps steps = new GeneratorSteps(commands);
        final GeneratorProgress progress = new GeneratorProgress(steps, CountyGenerator.this::lastEventIndex,
                options.years());
        final String countyCode = gazetteer.county().code();
        final String prefix = county.documentPrefix();
        long households;
        long projects;
        long payments;
        long grants;
        long reversals;
        long exits;
        long returns;
        long objections;
        long upheld;
        long rounds;
        int year;
        int yy;
        int documents;
        int vouchers;
        int approvals;
        int sequence;
        int projectsLeft = options.projects();

        void year(int index) {
            year = options.firstYear() + index - 1;
            yy = year % 100;
            documents = 0;
            vouchers = 0;
            approvals = 0;
            int yearsLeft = options.years() - index + 1;
            int yearProjects = (projectsLeft + yearsLeft - 1) / yearsLeft;
            projectsLeft -= yearProjects;

            // January: the year's poor villages, the register (or the newly identified households), the assessments.
            at(index, 1, 5, "poor villages");
            for (String village : county.poorVillages) {
                send(CLERK, new DesignatePoorVillageCommand(new VillageCode(village), year,
                        prefix + "委办〔" + year + "〕40号"));
            }
            at(index, 1, 12, "register");
            importRegister();
            at(index, 1, 20, "assessments");
            for (Place township : county.townships) {
                send(CLERK, new RecordTownshipAssessmentCommand(new TownshipCode(township.code()), year - 1,
                        7_000 + random.nextInt(2_900), prefix + "委办〔" + year + "〕6号", CLERK));
            }

            // The year's plan, decided before the money is appropriated so that every fund covers what it pays.
            int roundCount = Math.max(2, yearProjects / 4);
            int householdCount = Math.max(1, yearProjects / 4);
            int villageCount = Math.max(1, yearProjects - roundCount - householdCount);
            List<Planned> proposals = planRound(roundCount);
            List<Planned> villageProjects = plan(villageCount, true);
            List<Planned> householdProjects = plan(householdCount, false);
            Map<String, List<Household>> grantees = grantees(index);
            Map<String, Planned> grantProjects = planGrantProjects(grantees);
            Map<FundSource, Long> needFen = new EnumMap<>(FundSource.class);
            for (List<Planned> list : List.of(proposals, villageProjects, householdProjects,
                    new ArrayList<>(grantProjects.values()))) {
                for (Planned project : list) {
                    for (BudgetLine line : project.budget) {
                        needFen.merge(new FundId(line.fundId()).source(), line.amountFen(), Math::addExact);
                    }
                }
            }

            // Spring: the appropriations of every source; the round opens on the central fund.
            at(index, 3, 2, "appropriations");
            long countyFen = Math.max(roundUp(needFen.getOrDefault(FundSource.COUNTY, 0L) * 11 / 10),
                    (1_200L + 50L * (index - 1)) * YUAN_10K_FEN);
            long countySpringFen = roundUp(countyFen * 7 / 10);
            for (FundSource source : List.of(FundSource.CENTRAL, FundSource.PROVINCIAL, FundSource.MUNICIPAL)) {
                appropriate(source, appropriation(needFen, source));
            }
            appropriate(FundSource.COUNTY, countySpringFen);
            CompetitionId round = openRound(proposals);
            at(index, 3, 16, "round proposals");
            for (FundSource source : List.of(FundSource.INTEGRATED_AGRICULTURE, FundSource.WORK_RELIEF,
                    FundSource.DONATION)) {
                appropriate(source, appropriation(needFen, source));
            }
            appropriate(FundSource.COUNTY, countyFen - countySpringFen);
            for (Planned proposal : proposals) {
                String township = proposal.village.substring(0, 9);
                Actor actor = new Actor("township-" + township, "TOWNSHIP", township);
                propose(proposal, actor, "竞争立项申报项目，带动贫困户增收", null);
                send(actor, new SubmitProposalCommand(round, new ProjectId(proposal.id), actor));
            }

            // The clerk proposes the year's direct projects and the start-up grant projects; the approver approves.
            at(index, 3, 23, "projects proposed");
            for (Planned project : villageProjects) {
                propose(project, CLERK, "改善贫困村生产生活条件", "村民代表大会（" + year + "年3月）");
            }
            for (Planned project : householdProjects) {
                propose(project, CLERK, "扶持贫困户发展生产、改善住房和能力", null);
            }
            grantProjects.forEach((township, project) -> propose(project, CLERK,
                    "每户3000元增收项目启动资金，含移民贫困户", null));
            at(index, 3, 30, "projects approved");
            for (int i = 0; i < villageProjects.size(); i++) {
                if (i % 20 != 19) {
                    approve(villageProjects.get(i));
                }
            }
            householdProjects.forEach(this::approve);
            grantProjects.values().forEach(this::approve);

            // Grant lists: batches of up to 1,000 households; the ledger publishes a list per village.
            at(index, 4, 7, "grant batches");
            List<Batch> batches = submitBatches(grantees, grantProjects);
            at(index, 4, 9, "objections");
            List<String[]> filed = fileObjections(batches);
            at(index, 4, 14, "objections resolved");
            resolveObjections(filed, batches);
            for (int i = 0; i < villageProjects.size(); i++) {
                Planned project = villageProjects.get(i);
                if (project.approved && i % 25 == 24) {
                    cancel(project, "选址与村规划冲突，经村民议事会决定撤销");
                }
            }

            // After the round's deadline (15 April): scores; works begin and the first tranches are paid.
            at(index, 4, 16, "round scored, first tranches");
            scoreRound(round, proposals);
            for (Planned project : villageProjects) {
                if (project.approved && !project.cancelled) {
                    start(project);
                    tranche(project, project.totalFen * 6 / 10 / 100 * 100);
                }
            }
            householdProjects.stream().filter(p -> p.approved).forEach(this::start);
            at(index, 4, 20, "round closed");
            send(APPROVER, new CloseCompetitionCommand(round, APPROVER));
            rounds++;
            List<Planned> winners = awarded(round, proposals);

            // Grant lists and the round's result have been public for their periods (corrections too).
            at(index, 5, 6, "grants paid");
            for (Batch batch : batches) {
                send(APPROVER, new ApproveGrantBatchCommand(new GrantBatchId(batch.batchId()), APPROVER));
                for (Household household : batch.households()) {
                    if (household != null) {
                        household.granted = true;
                        grants++;
                        payments++;
                    }
                }
                progress.tick();
            }
            winners.forEach(this::approve);
            at(index, 5, 18, "winners' tranches");
            for (Planned winner : winners) {
                start(winner);
                tranche(winner, winner.totalFen * 6 / 10 / 100 * 100);
            }

            // Summer: a few grants bounce and are reversed, then asked for again; some exited households return.
            at(index, 6, 15, "reversals and returns");
            List<String[]> repay = reverseGrants(batches, grantProjects);
            returnHouseholds();
            at(index, 6, 22, "repayments requested");
            for (String[] again : repay) {
                send(CLERK, new RequestDisbursementCommand(new DisbursementId(again[0]), new ProjectId(again[1]),
                        null, again[2], GRANT_FEN, voucher("付"), CLERK));
            }
            at(index, 7, 15, "second tranches");
            for (String[] again : repay) {
                send(APPROVER, new ApproveDisbursementCommand(new DisbursementId(again[0]), APPROVER));
                payments++;
                grants++;
                householdOf(again[2]).granted = true;
            }
            List<Planned> villageWorks = new ArrayList<>(villageProjects);
            villageWorks.addAll(winners);
            for (Planned project : villageWorks) {
                if (project.started && project.tranches == 1) {
                    tranche(project, project.totalFen - project.paidFen);
                }
            }
            for (int i = 0; i < householdProjects.size(); i++) {
                if (householdProjects.get(i).approved && i % 5 == 4) {
                    cancel(householdProjects.get(i), "项目实施条件发生变化，经乡镇申请撤销");
                }
            }

            // Winter: works finished and accepted (completion notices); households that left poverty exit.
            at(index, 11, 20, "completions");
            for (Planned project : villageWorks) {
                if (project.started && project.paidFen == project.totalFen) {
                    send(CLERK, new CompleteProjectCommand(new ProjectId(project.id), "工程完工，" + LABEL, CLERK));
                }
            }
            at(index, 12, 4, "acceptances");
            for (Planned project : villageWorks) {
                if (project.started && project.paidFen == project.totalFen) {
                    send(APPROVER, new AcceptProjectCommand(new ProjectId(project.id),
                            "经县级主管部门、乡镇人民政府联合验收，工程质量合格", APPROVER));
                }
            }
            at(index, 12, 15, "exits");
            exitHouseholds();
            at(index, 12, 28, "year end");
        }

        /** Moves the clock to 10:00 on a date of the year (Cangxi time), after everything so far has been handled. */
        void at(int index, int month, int day, String stage) {
            history.moveTo(LocalDateTime.of(year, month, day, 10, 0).atZone(DemoHistory.CHINA).toInstant(), MOVED_BY);
            progress.stage(index, year + "-" + String.format("%02d-%02d", month, day) + " " + stage);
        }

        <R> R send(Actor actor, Object command) {
            R answer = steps.send(actor, command);
            progress.tick();
            return answer;
        }

        void importRegister() {
            List<Household> rows = county.households.stream().filter(h -> h.importYear == year).toList();
            for (int from = 0; from < rows.size(); from += IMPORT_ROWS_PER_FILE) {
                StringBuilder csv = new StringBuilder(SyntheticCounty.REGISTER_HEADER);
                List<Household> file = rows.subList(from, Math.min(rows.size(), from + IMPORT_ROWS_PER_FILE));
                file.forEach(h -> csv.append(h.row));
                byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
                String name = "register-" + year + "-" + (from / IMPORT_ROWS_PER_FILE + 1) + ".csv";
                HouseholdImportResult result = steps.run(CLERK, "ImportHouseholdRegisterCommand",
                        name + " " + sha256(content), () -> registerFiles.importFile(content,
                                StandardCharsets.UTF_8, name));
                households += result.imported();
                progress.tick();
            }
        }

        List<Planned> planRound(int count) {
            List<String> townships = county.townships.stream().map(Place::code)
                    .filter(t -> !county.poorVillagesOf(t).isEmpty()).toList();
            List<Planned> planned = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String township = townships.get(random.nextInt(townships.size()));
                List<String> poor = county.poorVillagesOf(township);
                String village = poor.get(random.nextInt(poor.size()));
                String area = VILLAGE_AREAS.get(random.nextInt(VILLAGE_AREAS.size()));
                long fen = (30 + random.nextInt(121)) * YUAN_10K_FEN;
                planned.add(new Planned(projectId("R"), area, village,
                        List.of(new BudgetLine(fund(FundSource.CENTRAL).value(), fen)), true));
            }
            return planned;
        }

        List<Planned> plan(int count, boolean villageTargeted) {
            List<Planned> planned = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<String> villages = villageTargeted ? county.poorVillages : county.ruralVillages;
                String village = villages.get(random.nextInt(villages.size()));
                List<String> areas = villageTargeted ? VILLAGE_AREAS : HOUSEHOLD_AREAS;
                String area = areas.get(random.nextInt(areas.size()));
                long fen = villageTargeted ? (20 + random.nextInt(131)) * YUAN_10K_FEN
                        : (10 + random.nextInt(71)) * YUAN_10K_FEN;
                FundSource source = PROJECT_SOURCES.get(random.nextInt(PROJECT_SOURCES.size()));
                List<BudgetLine> budget = new ArrayList<>();
                if (source != FundSource.COUNTY && random.nextInt(5) < 2) {
                    // Bundled (打捆使用): a fifth from the county's own budget.
                    long countyPart = fen / 5 / YUAN_10K_FEN * YUAN_10K_FEN;
                    budget.add(new BudgetLine(fund(source).value(), fen - countyPart));
                    budget.add(new BudgetLine(fund(FundSource.COUNTY).value(), countyPart));
                } else {
                    budget.add(new BudgetLine(fund(source).value(), fen));
                }
                planned.add(new Planned(projectId(villageTargeted ? "V" : "H"), area, village, List.copyOf(budget),
                        villageTargeted));
            }
            return planned;
        }

        /**
         * The households granted this year, by township: every registered household not granted yet and not exited
         * has its turn in one of the years left (all of them in the last year).
         */
        Map<String, List<Household>> grantees(int index) {
            int yearsLeft = options.years() - index + 1;
            Map<String, List<Household>> byTownship = new TreeMap<>();
            for (Household household : county.households) {
                if (household.importYear <= year && !household.granted && !household.exited
                        && (yearsLeft == 1 || random.nextInt(yearsLeft) == 0)) {
                    byTownship.computeIfAbsent(household.townshipCode(), t -> new ArrayList<>()).add(household);
                }
            }
            return byTownship;
        }

        Map<String, Planned> planGrantProjects(Map<String, List<Household>> grantees) {
            Map<String, Planned> projects = new LinkedHashMap<>();
            grantees.forEach((township, households) -> projects.put(township, new Planned(projectId("G"), "INDUSTRY",
                    households.get(0).villageCode, List.of(new BudgetLine(fund(FundSource.INTEGRATED_AGRICULTURE)
                    .value(), Math.multiplyExact(GRANT_FEN, (long) households.size()))), false)));
            return projects;
        }

        long appropriation(Map<FundSource, Long> needFen, FundSource source) {
            return Math.max(50L * YUAN_10K_FEN, roundUp(needFen.getOrDefault(source, 0L) * 11 / 10));
        }

        void appropriate(FundSource source, long amountFen) {
            documents++;
            String office = source == FundSource.WORK_RELIEF ? "发改" : source == FundSource.DONATION ? "扶贫" : "财农";
            String documentNo = prefix + office + "〔" + year + "〕" + documents + "号";
            send(CLERK, new AppropriateFundsCommand(fund(source), "APPR-" + countyCode + "-GEN-" + yy + "-"
                    + documents, year, source, amountFen, documentNo, LABEL));
        }

        CompetitionId openRound(List<Planned> proposals) {
            long requested = proposals.stream().mapToLong(p -> p.totalFen).sum();
            CompetitionId round = new CompetitionId("CMP-" + countyCode + "-GEN-" + year);
            Instant deadline = LocalDateTime.of(year, 4, 15, 17, 0).atZone(DemoHistory.CHINA).toInstant();
            send(CLERK, new OpenCompetitionCommand(round, year + "年度财政专项扶贫资金竞争立项", year,
                    fund(FundSource.CENTRAL), roundUp(requested * 6 / 10),
                    List.of(new Criterion(Criterion.TOWNSHIP_ASSESSMENT, 50), new Criterion(BENEFIT, 30),
                            new Criterion(FEASIBILITY, 20)), deadline, CLERK));
            return round;
        }

        /** reviewer2 declares a conflict with the first proposal's township and scores only the others'. */
        void scoreRound(CompetitionId round, List<Planned> proposals) {
            String conflicted = proposals.get(0).village.substring(0, 9);
            send(REVIEWER_TWO, new DeclareConflictOfInterestCommand(round, new TownshipCode(conflicted),
                    REVIEWER_TWO));
            for (Planned proposal : proposals) {
                score(round, proposal, REVIEWER);
                if (!proposal.village.startsWith(conflicted)) {
                    score(round, proposal, REVIEWER_TWO);
                }
            }
        }

        void score(CompetitionId round, Planned proposal, Actor reviewer) {
            Map<String, Integer> points = new TreeMap<>();
            points.put(BENEFIT, 60 + random.nextInt(36));
            points.put(FEASIBILITY, 60 + random.nextInt(36));
            send(reviewer, new ScoreProposalCommand(round, new ProjectId(proposal.id), points, reviewer));
        }

        List<Planned> awarded(CompetitionId round, List<Planned> proposals) {
            List<String> awardedIds = eventStore.readEvents(round.value(), 0).asStream()
                    .map(event -> event.getPayload())
                    .filter(CompetitionClosedEvent.class::isInstance)
                    .flatMap(payload -> ((CompetitionClosedEvent) payload).ranking().stream())
                    .filter(line -> line.outcome() == RankedProposal.Outcome.AWARDED)
                    .map(RankedProposal::projectId).toList();
            return proposals.stream().filter(p -> awardedIds.contains(p.id)).toList();
        }

        void propose(Planned project, Actor actor, String mechanism, String villagersMeeting) {
            String name = AREA_WORKS.get(project.workArea);
            String township = project.village.substring(0, 9);
            boolean grant = project.id.contains("-G");
            long households = grant ? project.totalFen / GRANT_FEN : 20 + random.nextInt(180);
            send(actor, new ProposeProjectCommand(new ProjectId(project.id),
                    grant ? "贫困户增收项目启动资金" : name, project.workArea, new VillageCode(project.village),
                    project.villageTargeted ? Beneficiary.VILLAGE : Beneficiary.HOUSEHOLDS, project.budget,
                    project.villageTargeted ? county.villageName(project.village)
                            : county.townshipName(township) + "人民政府",
                    county.townshipName(township) + "人民政府", LocalDate.of(year, 4, 1), LocalDate.of(year, 12, 20),
                    (int) households, (int) (households * 3), name + "，" + LABEL, mechanism,
                    grant ? "每户3000元" : null, grant ? GRANT_FEN : null, "乡镇扶贫专干", null, villagersMeeting,
                    actor));
            projects++;
        }

        void approve(Planned project) {
            approvals++;
            send(APPROVER, new ApproveProjectCommand(new ProjectId(project.id), prefix + "扶贫〔" + year + "〕"
                    + (100 + approvals) + "号", APPROVER));
            project.approved = true;
        }

        void start(Planned project) {
            send(CLERK, new StartProjectCommand(new ProjectId(project.id), CLERK));
            project.started = true;
        }

        void cancel(Planned project, String reason) {
            send(APPROVER, new CancelProjectCommand(new ProjectId(project.id), reason, APPROVER));
            project.cancelled = true;
        }

        /** A tranche to the project's village: the clerk asks, the approver approves (four eyes). */
        void tranche(Planned project, long amountFen) {
            project.tranches++;
            String disbursementId = "DSB-" + project.id.substring(4) + "-" + project.tranches;
            send(CLERK, new RequestDisbursementCommand(new DisbursementId(disbursementId), new ProjectId(project.id),
                    project.village, null, amountFen, voucher("付"), CLERK));
            send(APPROVER, new ApproveDisbursementCommand(new DisbursementId(disbursementId), APPROVER));
            project.paidFen += amountFen;
            payments++;
        }

        List<Batch> submitBatches(Map<String, List<Household>> grantees, Map<String, Planned> grantProjects) {
            List<Batch> batches = new ArrayList<>();
            grantees.forEach((township, households) -> {
                Planned project = grantProjects.get(township);
                for (int from = 0; from < households.size(); from += BATCH_ITEMS_MAX) {
                    List<Household> part = new ArrayList<>(households.subList(from,
                            Math.min(households.size(), from + BATCH_ITEMS_MAX)));
                    String batchId = "GB-" + countyCode + "-" + yy + "-" + String.format("%04d", batches.size() + 1);
                    List<GrantItem> items = part.stream().map(h -> new GrantItem(h.cardNo, GRANT_FEN)).toList();
                    List<String> itemIds = send(CLERK_TWO, new SubmitGrantBatchCommand(new GrantBatchId(batchId),
                            new ProjectId(project.id), voucher("批"), items, CLERK_TWO));
                    if (itemIds.size() != part.size()) {
                        throw new IllegalStateException("batch " + batchId + " recorded " + itemIds.size()
                                + " items of " + part.size());
                    }
                    batches.add(new Batch(batchId, project.id, part, itemIds));
                }
            });
            return batches;
        }

        /** About one objection per 300 grants listed: {batch index, item index, objection id}. */
        List<String[]> fileObjections(List<Batch> batches) {
            int listed = batches.stream().mapToInt(b -> b.households().size()).sum();
            List<String[]> filed = new ArrayList<>();
            if (listed == 0) {
                return filed;
            }
            int count = Math.max(2, listed / 300);
            for (int i = 0; i < count; i++) {
                int batchIndex = random.nextInt(batches.size());
                Batch batch = batches.get(batchIndex);
                int item = random.nextInt(batch.households().size());
                if (filed.stream().anyMatch(f -> f[0].equals(String.valueOf(batchIndex))
                        && f[1].equals(String.valueOf(item)))) {
                    continue;
                }
                String objectionId = "OBJ-" + countyCode + "-" + yy + "-" + String.format("%04d", i + 1);
                String noticeId = "NTC-GL-" + batch.batchId() + "-" + batch.households().get(item).villageCode;
                steps.run(PUBLIC, "FileObjectionCommand", noticeId + " " + objectionId + " item " + item,
                        () -> commands.sendAndWait(new FileObjectionCommand(new NoticeId(noticeId),
                                new ObjectionId(objectionId), batch.itemIds().get(item),
                                "该户家庭收入情况与公示不符，请核实", null)));
                filed.add(new String[] {String.valueOf(batchIndex), String.valueOf(item), objectionId, noticeId});
                objections++;
            }
            return filed;
        }

        /** One objection in three is upheld (the grant is withdrawn, a correction published); the rest dismissed. */
        void resolveObjections(List<String[]> filed, List<Batch> batches) {
            for (int i = 0; i < filed.size(); i++) {
                String[] objection = filed.get(i);
                boolean uphold = i % 3 == 0;
                // The auditor resolves: whoever resolves an objection may not approve what it held (four eyes).
                send(AUDITOR, new ResolveObjectionCommand(new NoticeId(objection[3]), new ObjectionId(objection[2]),
                        uphold ? ObjectionResolution.UPHELD : ObjectionResolution.DISMISSED,
                        uphold ? "经入户核实，该户不符合本年度发放条件，暂缓发放" : "经村、乡镇两级核实，该户符合条件", AUDITOR));
                if (uphold) {
                    // The withdrawn item is not paid: the household has its turn again in a later year.
                    batches.get(Integer.parseInt(objection[0])).households().set(Integer.parseInt(objection[1]),
                            null);
                    upheld++;
                }
            }
        }

        /** About one paid grant in 200 bounces (一卡通 closed): reversed; returns what to ask for again. */
        List<String[]> reverseGrants(List<Batch> batches, Map<String, Planned> grantProjects) {
            List<String[]> repay = new ArrayList<>();
            List<int[]> paid = new ArrayList<>();
            for (int b = 0; b < batches.size(); b++) {
                for (int i = 0; i < batches.get(b).households().size(); i++) {
                    if (batches.get(b).households().get(i) != null) {
                        paid.add(new int[] {b, i});
                    }
                }
            }
            if (paid.isEmpty()) {
                return repay;
            }
            int count = Math.max(1, paid.size() / 200);
            for (int n = 0; n < count && !paid.isEmpty(); n++) {
                int[] pick = paid.remove(random.nextInt(paid.size()));
                Batch batch = batches.get(pick[0]);
                Household household = batch.households().get(pick[1]);
                String itemId = batch.itemIds().get(pick[1]);
                steps.run(APPROVER, "ReverseDisbursementCommand", batch.batchId() + " item " + pick[1],
                        () -> commands.sendAndWait(new ReverseDisbursementCommand(new DisbursementId(itemId),
                                "一卡通账户已注销，资金退回，核实后重新发放", APPROVER)));
                household.granted = false;
                reversals++;
                repay.add(new String[] {"DSB-" + countyCode + "-" + yy + "-RG" + (n + 1), batch.projectId(),
                        household.cardNo});
            }
            return repay;
        }

        /** About one in five households that exited in an earlier year falls back into poverty (返贫). */
        void returnHouseholds() {
            for (Household household : county.households) {
                if (household.exited && household.exitYear < year && random.nextInt(5) == 0) {
                    send(CLERK, new ReturnHouseholdCommand(new HouseholdCardNo(household.cardNo), year,
                            "因病返贫，经村民评议、乡镇审核、县审定重新纳入"));
                    household.exited = false;
                    returns++;
                }
            }
        }

        /** About one in twelve granted households leaves poverty at the year's end (脱贫退出). */
        void exitHouseholds() {
            for (Household household : county.households) {
                if (household.granted && !household.exited && random.nextInt(12) == 0) {
                    send(CLERK, new ExitHouseholdCommand(new HouseholdCardNo(household.cardNo), year,
                            "人均纯收入稳定超过扶贫标准，经民主评议、公示公告退出"));
                    household.exited = true;
                    household.exitYear = year;
                    exits++;
                }
            }
        }

        Household householdOf(String cardNo) {
            return county.households.stream().filter(h -> h.cardNo.equals(cardNo)).findFirst().orElseThrow();
        }

        FundId fund(FundSource source) {
            return FundId.of(countyCode, year, source);
        }

        String projectId(String kind) {
            sequence++;
            return "PRJ-" + countyCode + "-" + yy + "-" + kind + String.format("%05d", sequence);
        }

        String voucher(String kind) {
            vouchers++;
            return prefix + "扶贫" + kind + "〔" + year + "〕" + vouchers + "号";
        }

        GenerationSummary summary() {
            return new GenerationSummary(countyCode, options.years(), options.seed(), eventsStored(), households,
                    projects, payments, grants, reversals,
                    county.households.stream().filter(h -> !h.exited && !h.granted).count(), exits, returns, objections, upheld, rounds, steps.counts(),
                    steps.digest(), progress.elapsed());
        }
    }

    /** The highest global index: the events stored so far, near enough for the progress line and cheap. */
    private long lastEventIndex() {
        Long index = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return index == null ? 0 : index;
    }

    private long eventsStored() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** Up to the next 10,000 yuan. */
    private static long roundUp(long fen) {
        return (fen + YUAN_10K_FEN - 1) / YUAN_10K_FEN * YUAN_10K_FEN;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
