package cn.fupin.ledger.ops.demo;

import cn.fupin.ledger.disclosure.publisher.AutomaticNotices;
import cn.fupin.ledger.ops.clock.DemoClock;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.disbursement.ApproveDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.ApproveGrantBatchCommand;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.GrantBatchId;
import cn.fupin.ledger.shared.disbursement.GrantBatchSubmittedEvent;
import cn.fupin.ledger.shared.disbursement.GrantItem;
import cn.fupin.ledger.shared.disbursement.RequestDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.ReverseDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.SubmitGrantBatchCommand;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.project.ProposeProjectCommand;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * Loads the demo county's payments once, after {@link DemoProjectsLoader}: two village projects paid in tranches
 * (one tranche left waiting for an approver), and in every township with demo households an income-raising project
 * (增收项目) whose start-up grants of 3,000 yuan reach most — not all — of its households in one batch; one grant is
 * paid and then reversed with a reason, so coverage, the journal and the pages show real shapes; one grant is asked
 * for last and waits in its publicity period. Publicity comes before payment: the requests are recorded first, the
 * ledger publishes their plans and grant lists by itself, the demo clock moves 11 days forward, then they are paid.
 * Each step is done as the demo user who would do it. A finished load is recognised by the reversed grant.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "ledger.demo.load-data", havingValue = "true")
@Order(2)
class DemoPaymentsLoader implements ApplicationRunner {

    static final String REVERSED_GRANT = "DSB-DEMO-2016-GRANT-REVERSED";
    /** A grant requested last, whose grant list is still in its period when the demo starts. */
    static final String LATE_GRANT = "DSB-DEMO-2016-GRANT-LATE";
    /** How far the demo clock moves between publication and payment: one day more than the ten-day period. */
    static final int PUBLICITY_DAYS = 11;
    private static final Duration PUBLICATION_WAIT = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofMillis(100);
    static final long GRANT_FEN = 3_000_00L;
    /** Every tenth household of a township is left without a grant (yet): coverage below 100% is a real shape. */
    static final int UNGRANTED_EVERY = 10;

    private static final Logger log = LoggerFactory.getLogger(DemoPaymentsLoader.class);
    private static final Actor CLERK = Actor.of("clerk", "CLERK");
    private static final Actor CLERK_TWO = Actor.of("clerk2", "CLERK");
    private static final Actor APPROVER = Actor.of("approver", "APPROVER");
    private static final Set<String> DONE = Set.of("PROJECT_EXISTS", "PROJECT_NOT_APPROVABLE", "DUPLICATE_VOUCHER_NO",
            "DISBURSEMENT_EXISTS", "GRANT_BATCH_EXISTS",
            "DISBURSEMENT_NOT_PENDING", "BATCH_NOT_PENDING", "DISBURSEMENT_NOT_APPROVED", "GRANT_BATCH_REFUSED");

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final Gazetteer gazetteer;
    private final DemoClock clock;

    DemoPaymentsLoader(CommandGateway commands, EventStore eventStore, Gazetteer gazetteer, DemoClock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.gazetteer = gazetteer;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (eventStore.lastSequenceNumberFor(REVERSED_GRANT).orElse(-1L) >= 2) {
            log.info("demo payments are present; not loading them again");
            return;
        }
        // Publicity before payment (事前公示): everything is requested first, the ledger publishes the project plans
        // and grant lists by itself, the demo clock moves past their period, and only then is anything paid.
        List<String> due = new ArrayList<>();
        tranches(due);
        List<GrantBatchId> batches = grants(due);
        awaitPublished(due);
        long offsetDays = clock.advance(PUBLICITY_DAYS, "system:demo-loader").toDays();
        log.info("demo clock moved {} days forward past the publicity period of the plans and grant lists; it is now"
                + " {} days ahead of the system clock", PUBLICITY_DAYS, offsetDays);
        int granted = pay(batches);
        lateGrant();
        log.info("demo payments loaded: village tranches, {} start-up grants in batches, one grant reversed, one grant"
                + " in its publicity period; {}", granted, DemoDataLoader.LABEL);
    }

    private void tranches(List<String> due) {
        request("DSB-DEMO-2016-01-1", "PRJ-DEMO-2016-01", 400_000, "苍扶贫付〔2016〕101号（演示）");
        request("DSB-DEMO-2016-01-2", "PRJ-DEMO-2016-01", 300_000, "苍扶贫付〔2016〕102号（演示）");
        request("DSB-DEMO-2016-02-1", "PRJ-DEMO-2016-02", 200_000, "苍扶贫付〔2016〕103号（演示）");
        // The first tranche of the round's winner waits for an approver: a newcomer can approve it.
        request("DSB-DEMO-2016-R1-1", "PRJ-DEMO-2016-R1", 500_000, "苍扶贫付〔2016〕104号（演示）");
        due.add(AutomaticNotices.planId("PRJ-DEMO-2016-01").value());
        due.add(AutomaticNotices.planId("PRJ-DEMO-2016-02").value());
    }

    private void request(String disbursementId, String projectId, long yuan, String voucherNo) {
        String village = villageOf(projectId);
        DemoProjectsLoader.as(CLERK, () -> commands.sendAndWait(new RequestDisbursementCommand(
                new DisbursementId(disbursementId), new ProjectId(projectId), village, null,
                Math.multiplyExact(yuan, 100L), voucherNo, CLERK)), DONE);
    }

    /**
     * One income-raising project and one batch of start-up grants per township with demo households, and one grant
     * on its own (reversed once paid); returns the batches. Adds the grant lists the ledger will publish to
     * {@code due}.
     */
    private List<GrantBatchId> grants(List<String> due) {
        Map<String, List<String[]>> byTownship = householdsByTownship();
        List<GrantBatchId> batches = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> township : byTownship.entrySet()) {
            List<String[]> households = township.getValue();
            String projectId = grantProjectOf(township.getKey());
            String village = households.get(0)[3];
            long budgetFen = Math.multiplyExact(GRANT_FEN, households.size());
            ProposeProjectCommand proposal = new ProposeProjectCommand(new ProjectId(projectId),
                    "贫困户增收项目启动资金（演示）", "INDUSTRY", new VillageCode(village), Beneficiary.HOUSEHOLDS,
                    List.of(new BudgetLine(FundId.of(2016, FundSource.INTEGRATED_AGRICULTURE).value(), budgetFen)),
                    gazetteer.township(township.getKey()).orElseThrow().name() + "人民政府",
                    gazetteer.township(township.getKey()).orElseThrow().name() + "人民政府",
                    LocalDate.of(2016, 6, 1), LocalDate.of(2016, 12, 31), households.size(), null,
                    "每户3000元增收项目启动资金，含移民贫困户", "发展种养殖增收项目，户均年增收3000元以上",
                    "每户3000元", "乡镇扶贫专干（演示）", "0839-5222000", null, CLERK);
            DemoProjectsLoader.as(CLERK, () -> commands.sendAndWait(proposal), DONE);
            DemoProjectsLoader.as(APPROVER, () -> commands.sendAndWait(new ApproveProjectCommand(
                    new ProjectId(projectId), "苍扶贫〔2016〕40号（演示）", APPROVER)), DONE);

            List<GrantItem> items = new ArrayList<>();
            Set<String> villages = new TreeSet<>();
            for (int i = 0; i < households.size(); i++) {
                if (i % UNGRANTED_EVERY != UNGRANTED_EVERY - 1) {
                    items.add(new GrantItem(households.get(i)[0], GRANT_FEN));
                    villages.add(households.get(i)[3]);
                }
            }
            GrantBatchId batchId = new GrantBatchId("GB-DEMO-2016-" + township.getKey().substring(6));
            DemoProjectsLoader.as(CLERK_TWO, () -> commands.sendAndWait(new SubmitGrantBatchCommand(batchId,
                    new ProjectId(projectId), "苍扶贫批〔2016〕" + township.getKey().substring(6) + "号（演示）", items,
                    CLERK_TWO)), DONE);
            batches.add(batchId);
            villages.forEach(code -> due.add(AutomaticNotices.grantListId(batchId.value(), code).value()));
        }
        tenthHousehold(byTownship, 0).ifPresent(card -> {
            DemoProjectsLoader.as(CLERK, () -> commands.sendAndWait(new RequestDisbursementCommand(
                    new DisbursementId(REVERSED_GRANT), new ProjectId(grantProjectOf(card[3].substring(0, 9))), null,
                    card[0], GRANT_FEN, "苍扶贫付〔2016〕199号（演示）", CLERK)), DONE);
            due.add(AutomaticNotices.grantListId(REVERSED_GRANT).value());
        });
        return batches;
    }

    /** Once their plans and grant lists have been public for their whole period: the payments. */
    private int pay(List<GrantBatchId> batches) {
        for (String tranche : List.of("DSB-DEMO-2016-01-1", "DSB-DEMO-2016-01-2", "DSB-DEMO-2016-02-1")) {
            DemoProjectsLoader.as(APPROVER, () -> commands.sendAndWait(new ApproveDisbursementCommand(
                    new DisbursementId(tranche), APPROVER)), DONE);
        }
        int granted = 0;
        for (GrantBatchId batchId : batches) {
            DemoProjectsLoader.as(APPROVER, () -> commands.sendAndWait(new ApproveGrantBatchCommand(batchId, APPROVER)),
                    DONE);
            granted += itemsOf(batchId);
        }
        if (eventStore.lastSequenceNumberFor(REVERSED_GRANT).isPresent()) {
            DemoProjectsLoader.as(APPROVER, () -> commands.sendAndWait(new ApproveDisbursementCommand(
                    new DisbursementId(REVERSED_GRANT), APPROVER)), DONE);
            DemoProjectsLoader.as(APPROVER, () -> commands.sendAndWait(new ReverseDisbursementCommand(
                    new DisbursementId(REVERSED_GRANT), "一卡通账户已注销，资金退回，待核实后重新发放（演示）", APPROVER)), DONE);
        }
        return granted;
    }

    /**
     * The twentieth household of the first township asks for its grant after the others were paid: its grant list is
     * in its publicity period when the newcomer arrives, so approving it answers DISCLOSURE_PERIOD_OPEN until the demo
     * clock moves past the period (README).
     */
    private void lateGrant() {
        tenthHousehold(householdsByTownship(), 1).ifPresent(card -> DemoProjectsLoader.as(CLERK,
                () -> commands.sendAndWait(new RequestDisbursementCommand(new DisbursementId(LATE_GRANT),
                        new ProjectId(grantProjectOf(card[3].substring(0, 9))), null, card[0], GRANT_FEN,
                        "苍扶贫付〔2016〕200号（演示）", CLERK)), DONE));
    }

    /** Waits (at most a minute) for the automatic publisher to publish each notice; the load fails otherwise. */
    private void awaitPublished(List<String> noticeIds) {
        long deadline = System.nanoTime() + PUBLICATION_WAIT.toNanos();
        for (String noticeId : noticeIds) {
            while (eventStore.lastSequenceNumberFor(noticeId).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the demo's notice " + noticeId + " was not published within "
                            + PUBLICATION_WAIT.toSeconds() + " s; see the disclosure-publisher's log");
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the demo's notices", e);
                }
            }
        }
    }

    private int itemsOf(GrantBatchId batchId) {
        return eventStore.readEvents(batchId.value()).asStream().map(event -> event.getPayload())
                .filter(GrantBatchSubmittedEvent.class::isInstance)
                .mapToInt(payload -> ((GrantBatchSubmittedEvent) payload).disbursementIds().size())
                .findFirst().orElse(0);
    }

    private Map<String, List<String[]>> householdsByTownship() {
        Map<String, List<String[]>> byTownship = new TreeMap<>();
        String[] lines = DemoDataLoader.householdRegister(gazetteer).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            byTownship.computeIfAbsent(cells[3].substring(0, 9), t -> new ArrayList<>()).add(cells);
        }
        return byTownship;
    }

    /**
     * The {@code n}-th household (0, 1, …) left out of its township's batch (every tenth), in the first township
     * that has one: its register cells.
     */
    private static Optional<String[]> tenthHousehold(Map<String, List<String[]>> byTownship, int n) {
        for (List<String[]> households : byTownship.values()) {
            int index = (n + 1) * UNGRANTED_EVERY - 1;
            if (households.size() > index) {
                return Optional.of(households.get(index));
            }
        }
        return Optional.empty();
    }

    private static String grantProjectOf(String townshipCode) {
        return "PRJ-DEMO-2016-G" + townshipCode.substring(6);
    }

    private String villageOf(String projectId) {
        // The demo projects' villages are fixed by DemoProjectsLoader; read the project's proposal to find it.
        return eventStore.readEvents(projectId).asStream()
                .map(event -> event.getPayload())
                .filter(ProjectProposedEvent.class::isInstance)
                .map(payload -> ((ProjectProposedEvent) payload).villageCode())
                .findFirst().orElseThrow();
    }
}
