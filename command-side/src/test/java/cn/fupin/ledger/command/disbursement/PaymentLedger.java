package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.MutableClock;
import cn.fupin.ledger.command.disclosure.NoticeHandlers;
import cn.fupin.ledger.command.disclosure.NoticeSamples;
import cn.fupin.ledger.command.fund.Fund;
import cn.fupin.ledger.command.household.Household;
import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import cn.fupin.ledger.command.project.InMemoryLedger;
import cn.fupin.ledger.command.project.Project;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.disbursement.ApproveDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchSubmittedEvent;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disbursement.GrantBatchId;
import cn.fupin.ledger.shared.disbursement.GrantItem;
import cn.fupin.ledger.shared.disbursement.RequestDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.SubmitGrantBatchCommand;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.household.ExitHouseholdCommand;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProposeProjectCommand;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory ledger of projects with what payments add: households, disbursements and grant batches, the payment
 * handlers, and the voucher register in an H2 database (MySQL mode) created by the Flyway script V6 itself; and
 * notices with their index (V8), which hold payments ({@code NoticeHandlers}), on a clock the test can move. Each
 * command's unit of work runs in one transaction of that database, as it does on the relational event store, so a
 * refused command leaves no voucher and no notice index row behind.
 *
 * <p>Its county: 陵江镇 (510824100) with 金穗社区 and 江南社区; a road project of 金穗社区 ({@link #ROAD}, CENTRAL
 * 3,000,000 fen + COUNTY 1,000,000 fen) and an industry project of start-up grants there ({@link #GRANTS}, CENTRAL
 * 600,000 fen + COUNTY 900,000 fen), both approved; households of the township and one of another township.
 */
final class PaymentLedger extends InMemoryLedger {

    static final String CENTRAL = "FUND-510824-2016-CENTRAL";
    static final String COUNTY = "FUND-510824-2016-COUNTY";
    static final String LINGJIANG = "510824100";
    static final String JINSUI = "510824100001";
    static final String JIANGNAN = "510824100002";
    /** A village of another township (510824402). */
    static final String ELSEWHERE = "510824402598";
    static final String ROAD = "PRJ-2016-0001";
    static final String GRANTS = "PRJ-2016-0002";
    static final long ROAD_CENTRAL_FEN = 3_000_000L;
    static final long ROAD_COUNTY_FEN = 1_000_000L;
    static final long GRANTS_CENTRAL_FEN = 600_000L;
    static final long GRANTS_COUNTY_FEN = 900_000L;
    static final long CENTRAL_FEN = 50_000_000L;
    static final long COUNTY_FEN = 20_000_000L;
    static final long GRANT_FEN = 300_000L;
    /** Households of 陵江镇: WANG and LI in 金穗社区, ZHAO in 江南社区; SUN lives in another township. */
    static final String WANG = "HK-510824100001-0001";
    static final String LI = "HK-510824100001-0002";
    static final String ZHAO = "HK-510824100002-0001";
    static final String SUN = "HK-510824402598-0001";
    static final Actor CLERK = Actor.of("clerk", "CLERK");
    static final Actor CLERK2 = Actor.of("clerk2", "CLERK");
    static final Actor APPROVER = Actor.of("approver", "APPROVER");
    static final Instant NOW = Instant.parse("2016-05-04T02:00:00Z");

    private static final Path V6 = Path.of("../ops/src/main/resources/db/migration/V6__vouchers.sql");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final PersonalDataCipher CIPHER = new PersonalDataCipher(new byte[32]);

    /** The publicity period of the ledger's notices, in days. */
    static final int PERIOD_DAYS = 10;

    private final NamedParameterJdbcTemplate jdbc;
    private final MutableClock clock;
    private int disclosures;

    /**
     * The database of the voucher register and the notice index (V6 and V8), the transaction manager the ledger's
     * units of work run in, and the ledger's clock, which a test may move.
     */
    private record Database(NamedParameterJdbcTemplate jdbc, DataSourceTransactionManager transactions,
                            MutableClock clock) {

        static Database create() {
            SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                    "jdbc:h2:mem:payments-" + DATABASES.incrementAndGet() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
            new ResourceDatabasePopulator(new FileSystemResource(V6)).execute(dataSource);
            NoticeHandlers.createTables(dataSource);
            return new Database(new NamedParameterJdbcTemplate(dataSource),
                    new DataSourceTransactionManager(dataSource), new MutableClock(NOW));
        }
    }

    PaymentLedger() {
        this(Database.create());
    }

    private PaymentLedger(Database database) {
        super(configurer -> {
            VoucherRegister vouchers = new VoucherRegister(database.jdbc(), Clock.fixed(NOW, ZoneOffset.UTC));
            configurer.configureTransactionManager(c -> new SpringTransactionManager(database.transactions()))
                    .registerComponent(PersonalDataCipher.class, c -> CIPHER)
                    .configureAggregate(Household.class)
                    .configureAggregate(Disbursement.class)
                    .configureAggregate(GrantBatch.class)
                    .registerCommandHandler(c -> new DisbursementRequester(c, c.eventStore(), vouchers))
                    .registerCommandHandler(c -> new DisbursementApprover(c, c.eventStore(),
                            NoticeHandlers.hold(c, database.jdbc(), database.clock())))
                    .registerCommandHandler(c -> new DisbursementRejecter(c, c.eventStore()))
                    .registerCommandHandler(c -> new DisbursementReverser(c, c.eventStore()))
                    .registerCommandHandler(c -> new GrantBatchSubmitter(c, c.eventStore(), vouchers))
                    .registerCommandHandler(c -> new GrantBatchApprover(c, c.eventStore(),
                            NoticeHandlers.hold(c, database.jdbc(), database.clock())))
                    .registerCommandHandler(c -> new GrantBatchRejecter(c, c.eventStore()));
            NoticeHandlers.register(configurer, database.jdbc(), database.clock(), PERIOD_DAYS, CANGXI,
                    c -> new DisbursementWithdrawal(c, c.eventStore()));
        });
        this.jdbc = database.jdbc();
        this.clock = database.clock();
    }

    /** The ledger's clock: a test moves it forward to let periods end. */
    MutableClock clock() {
        return clock;
    }

    /**
     * Makes the payments public as the ledger requires before it pays them (事前公示), with the notices the automatic
     * publisher would publish, and moves the clock past their whole period (one day more than its ten days): for a
     * household's grant (or every grant of a batch) a grant list of the household's village naming it, for a payment
     * to a village its project's plan at that village.
     */
    void disclose(String... payments) {
        Map<String, List<String>> grantsByVillage = new TreeMap<>();
        Map<String, String> plannedProjects = new TreeMap<>();
        for (String payment : payments) {
            Object first = events(payment).get(0);
            List<DisbursementRequestedEvent> requests = first instanceof GrantBatchSubmittedEvent batch
                    ? batch.disbursementIds().stream().map(id -> (DisbursementRequestedEvent) events(id).get(0)).toList()
                    : List.of((DisbursementRequestedEvent) first);
            for (DisbursementRequestedEvent request : requests) {
                if (request.cardNo() != null) {
                    grantsByVillage.computeIfAbsent(request.villageCode(), village -> new java.util.ArrayList<>())
                            .add(request.disbursementId());
                } else {
                    plannedProjects.put(request.projectId(), request.villageCode());
                }
            }
        }
        grantsByVillage.forEach((village, grants) -> send(NoticeSamples.publish("NTC-DISCLOSE-" + (++disclosures),
                NoticeSamples.grantListAt(village, CANGXI.village(village).orElseThrow().name(),
                        grants.toArray(String[]::new)), PERIOD_DAYS)));
        plannedProjects.forEach((project, village) -> send(NoticeSamples.publish("NTC-DISCLOSE-" + (++disclosures),
                NoticeSamples.at(NoticeSamples.projectPlan(project), NoticeKind.PROJECT_PLAN, NoticeLevel.VILLAGE,
                        village, CANGXI.village(village).orElseThrow().name()), PERIOD_DAYS)));
        clock.advance(Duration.ofDays(PERIOD_DAYS + 1L));
    }

    /** Which notices list which item, as the notice index holds it. */
    Map<String, List<String>> noticeItems() {
        Map<String, List<String>> items = new TreeMap<>();
        jdbc.query("SELECT item_id, notice_id FROM notice_item ORDER BY item_id, notice_id", Map.of(),
                rs -> {
                    items.computeIfAbsent(rs.getString("item_id"), item -> new java.util.ArrayList<>())
                            .add(rs.getString("notice_id"));
                });
        return items;
    }

    /** The county above: funds, the poor village, both projects approved, the households registered. */
    static PaymentLedger withApprovedProjects() {
        PaymentLedger ledger = new PaymentLedger();
        ledger.appropriate(new FundId(CENTRAL), CENTRAL_FEN);
        ledger.appropriate(new FundId(COUNTY), COUNTY_FEN);
        ledger.designatePoor(new VillageCode(JINSUI), 2016);
        ledger.send(proposal(ROAD, "ROADS", Beneficiary.VILLAGE, ROAD_CENTRAL_FEN, ROAD_COUNTY_FEN));
        ledger.send(proposal(GRANTS, "INDUSTRY", Beneficiary.HOUSEHOLDS, GRANTS_CENTRAL_FEN, GRANTS_COUNTY_FEN));
        ledger.send(new ApproveProjectCommand(new ProjectId(ROAD), "苍发改〔2016〕21号", APPROVER));
        ledger.send(new ApproveProjectCommand(new ProjectId(GRANTS), "苍农工委〔2016〕8号", APPROVER));
        ledger.register(WANG, JINSUI);
        ledger.register(LI, JINSUI);
        ledger.register(ZHAO, JIANGNAN);
        ledger.register(SUN, ELSEWHERE);
        return ledger;
    }

    static ProposeProjectCommand proposal(String projectId, String workArea, Beneficiary beneficiary, long centralFen,
                                          long countyFen) {
        return proposal(projectId, workArea, beneficiary,
                List.of(new BudgetLine(CENTRAL, centralFen), new BudgetLine(COUNTY, countyFen)));
    }

    static ProposeProjectCommand proposal(String projectId, String workArea, Beneficiary beneficiary,
                                          List<BudgetLine> budget) {
        return new ProposeProjectCommand(new ProjectId(projectId), "金穗社区" + workArea, workArea,
                new VillageCode(JINSUI), beneficiary, budget, "金穗社区居委会", "陵江镇人民政府",
                LocalDate.of(2016, 3, 1), LocalDate.of(2016, 10, 31), 110, 275, null, null, null, null, null, null,
                CLERK);
    }

    /** Registers a household as the register import does, with its (here meaningless) ciphertexts. */
    void register(String cardNo, String villageCode) {
        register(List.of(cardNo), villageCode);
    }

    /** Registers households of one village in one unit of work, as one register file does. */
    void register(List<String> cardNos, String villageCode) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> cardNos.forEach(cardNo -> axon().eventStore().publish(
                new GenericDomainEventMessage<>("Household", HouseholdCardNo.streamIdOf(cardNo), 0, new HouseholdRegisteredEvent(cardNo,
                        "户主" + cardNo.substring(cardNo.length() - 4), "ciphertext", "**************0018",
                        "ciphertext", "***************0128", villageCode,
                        new VillageCode(villageCode).township().value(), 4, false, "IMPORT-0001")))));
    }

    void exit(String cardNo) {
        send(new ExitHouseholdCommand(new HouseholdCardNo(cardNo), 2016, "人均纯收入超过扶贫标准"));
    }

    /** A start-up grant request of the household project. */
    static RequestDisbursementCommand grant(String disbursementId, String cardNo, long amountFen, String voucherNo) {
        return new RequestDisbursementCommand(new DisbursementId(disbursementId), new ProjectId(GRANTS), null, cardNo,
                amountFen, voucherNo, CLERK);
    }

    /** A start-up grant request of another household project. */
    static RequestDisbursementCommand grantOf(String projectId, String disbursementId, String cardNo, long amountFen,
                                              String voucherNo) {
        return new RequestDisbursementCommand(new DisbursementId(disbursementId), new ProjectId(projectId), null, cardNo,
                amountFen, voucherNo, CLERK);
    }

    /** A payment of the road project to its village. */
    static RequestDisbursementCommand roadPayment(String disbursementId, long amountFen, String voucherNo) {
        return new RequestDisbursementCommand(new DisbursementId(disbursementId), new ProjectId(ROAD), JINSUI, null,
                amountFen, voucherNo, CLERK);
    }

    static ApproveDisbursementCommand approval(String disbursementId) {
        return new ApproveDisbursementCommand(new DisbursementId(disbursementId), APPROVER);
    }

    /** A batch of the household project with one item per card, each of {@code amountFen}. */
    static SubmitGrantBatchCommand batch(String batchId, String voucherNo, long amountFen, String... cardNos) {
        return new SubmitGrantBatchCommand(new GrantBatchId(batchId), new ProjectId(GRANTS), voucherNo,
                IntStream.range(0, cardNos.length).mapToObj(i -> new GrantItem(cardNos[i], amountFen)).toList(), CLERK);
    }

    /**
     * Sends a command that must be refused with the kind and code, and checks that it left nothing behind: no event
     * and no voucher. Returns the refusal for a closer look at the problems it names.
     */
    Refusal refusedLeavingNothing(Object command, RefusalKind kind, String code) {
        List<Object> events = allEvents();
        Map<String, String> vouchers = vouchers();
        Map<String, List<String>> noticeItems = noticeItems();
        Refusal refusal = refusal(command);
        assertThat(refusal.code()).as("the refusal's code").isEqualTo(code);
        assertThat(refusal.kind()).as("the refusal's kind").isEqualTo(kind);
        assertThat(allEvents()).as("the events after the refusal").isEqualTo(events);
        assertThat(vouchers()).as("the vouchers after the refusal").isEqualTo(vouchers);
        assertThat(noticeItems()).as("the notice index after the refusal").isEqualTo(noticeItems);
        return refusal;
    }

    /** The payloads stored since the first {@code count} events, in order. */
    List<Object> eventsSince(int count) {
        List<Object> events = allEvents();
        return events.subList(count, events.size());
    }

    /** Every voucher registered, with its holder. */
    Map<String, String> vouchers() {
        Map<String, String> vouchers = new TreeMap<>();
        jdbc.query("SELECT voucher_no, holder_id FROM voucher_register", Map.of(),
                rs -> {
                    vouchers.put(rs.getString("voucher_no"), rs.getString("holder_id"));
                });
        return vouchers;
    }

    long disbursedFen(String fundId) {
        return read(Fund.class, fundId, Fund::disbursedFen);
    }

    long reservedFor(String fundId, String projectId) {
        return read(Fund.class, fundId, fund -> fund.reservedFor(projectId));
    }

    long leftToPayFen(String projectId) {
        return read(Project.class, projectId,
                Project::leftToPayFen);
    }
}
