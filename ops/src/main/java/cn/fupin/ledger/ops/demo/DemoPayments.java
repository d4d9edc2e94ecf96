package cn.fupin.ledger.ops.demo;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo county's payments, step by step as {@link DemoDataLoader}'s history calls them: two village projects paid
 * in tranches (one tranche left waiting for an approver), and in every township with demo households an
 * income-raising project (增收项目) whose start-up grants of 3,000 yuan reach most — not all — of its households in one
 * batch; one grant is paid and then reversed with a reason, so coverage, the journal and the pages show real shapes;
 * one grant is asked for last, at the present, and waits in its publicity period. Publicity comes before payment: the
 * history pays only after the plans and grant lists the ledger published by itself have been public for their whole
 * period. Each step is done as the demo user who would do it; a step an interrupted load did already is refused as
 * done and passed over.
 */
@Component
@Profile("demo")
class DemoPayments {

    static final String REVERSED_GRANT = "DSB-510824-DEMO-2016-GRANT-REVERSED";
    /** A grant requested last, at the present, whose grant list is still in its period when the demo starts. */
    static final String LATE_GRANT = "DSB-510824-DEMO-2016-GRANT-LATE";
    static final long GRANT_FEN = 3_000_00L;
    /** Every tenth household of a township is left without a grant (yet): coverage below 100% is a real shape. */
    static final int UNGRANTED_EVERY = 10;

    private static final Actor CLERK = Actor.of("clerk", "CLERK");
    private static final Actor CLERK_TWO = Actor.of("clerk2", "CLERK");
    private static final Actor APPROVER = Actor.of("approver", "APPROVER");
    private static final Set<String> DONE = Set.of("PROJECT_EXISTS", "PROJECT_NOT_APPROVABLE", "DUPLICATE_VOUCHER_NO",
            "DISBURSEMENT_EXISTS", "GRANT_BATCH_EXISTS",
            "DISBURSEMENT_NOT_PENDING", "BATCH_NOT_PENDING", "DISBURSEMENT_NOT_APPROVED", "GRANT_BATCH_REFUSED");

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final Gazetteer gazetteer;

    DemoPayments(CommandGateway commands, EventStore eventStore, Gazetteer gazetteer) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.gazetteer = gazetteer;
    }

    /** The first tranches of the roads and the drinking water, once their plans' periods are over. */
    void requestFirstTranches() {
        request("DSB-510824-DEMO-2016-01-1", "PRJ-510824-DEMO-2016-01", 400_000, "苍扶贫付〔2016〕101号（演示）");
        request("DSB-510824-DEMO-2016-02-1", "PRJ-510824-DEMO-2016-02", 200_000, "苍扶贫付〔2016〕103号（演示）");
    }

    void approveFirstTranches() {
        approve("DSB-510824-DEMO-2016-01-1");
        approve("DSB-510824-DEMO-2016-02-1");
    }

    /** The first tranche of the round's winner waits for an approver: a newcomer can approve it (README). */
    void requestWinnersTranche() {
        request("DSB-510824-DEMO-2016-R1-1", "PRJ-510824-DEMO-2016-R1", 500_000, "苍扶贫付〔2016〕104号（演示）");
    }

    /** The roads' second tranche, once the works are under way. */
    void requestSecondTranche() {
        request("DSB-510824-DEMO-2016-01-2", "PRJ-510824-DEMO-2016-01", 300_000, "苍扶贫付〔2016〕102号（演示）");
    }

    void approveSecondTranche() {
        approve("DSB-510824-DEMO-2016-01-2");
    }

    /** One income-raising project per township with demo households: the clerk proposes them … */
    void proposeGrantProjects() {
        for (Map.Entry<String, List<String[]>> township : householdsByTownship().entrySet()) {
            List<String[]> households = township.getValue();
            String name = gazetteer.township(township.getKey()).orElseThrow().name() + "人民政府";
            ProposeProjectCommand proposal = new ProposeProjectCommand(new ProjectId(grantProjectOf(township.getKey())),
                    "贫困户增收项目启动资金（演示）", "INDUSTRY", new VillageCode(households.get(0)[3]), Beneficiary.HOUSEHOLDS,
                    List.of(new BudgetLine(FundId.of(DemoCountyCheck.DEMO_COUNTY, 2016,
                            FundSource.INTEGRATED_AGRICULTURE).value(),
                            Math.multiplyExact(GRANT_FEN, households.size()))),
                    name, name, LocalDate.of(2016, 6, 1), LocalDate.of(2016, 12, 31), households.size(), null,
                    "每户3000元增收项目启动资金，含移民贫困户", "发展种养殖增收项目，户均年增收3000元以上",
                    "每户3000元", "乡镇扶贫专干（演示）", "0839-5222000", null, CLERK);
            DemoProjects.as(CLERK, () -> commands.sendAndWait(proposal), DONE);
        }
    }

    /** … and the approver approves them (their plans are published at once). */
    void approveGrantProjects() {
        for (String township : householdsByTownship().keySet()) {
            DemoProjects.as(APPROVER, () -> commands.sendAndWait(new ApproveProjectCommand(
                    new ProjectId(grantProjectOf(township)), "苍扶贫〔2016〕40号（演示）", APPROVER)), DONE);
        }
    }

    /**
     * clerk2 asks for the start-up grants of each township in one batch (every tenth household left out), and clerk for
     * one more on its own (the grant reversed later); the ledger publishes the village grant lists.
     */
    void requestGrants() {
        Map<String, List<String[]>> byTownship = householdsByTownship();
        for (Map.Entry<String, List<String[]>> township : byTownship.entrySet()) {
            List<String[]> households = township.getValue();
            List<GrantItem> items = new ArrayList<>();
            for (int i = 0; i < households.size(); i++) {
                if (i % UNGRANTED_EVERY != UNGRANTED_EVERY - 1) {
                    items.add(new GrantItem(households.get(i)[0], GRANT_FEN));
                }
            }
            GrantBatchId batchId = batchOf(township.getKey());
            DemoProjects.as(CLERK_TWO, () -> commands.sendAndWait(new SubmitGrantBatchCommand(batchId,
                    new ProjectId(grantProjectOf(township.getKey())), "苍扶贫批〔2016〕" + township.getKey().substring(6)
                    + "号（演示）", items, CLERK_TWO)), DONE);
        }
        tenthHousehold(byTownship, 0).ifPresent(card -> DemoProjects.as(CLERK, () -> commands.sendAndWait(
                new RequestDisbursementCommand(new DisbursementId(REVERSED_GRANT),
                        new ProjectId(grantProjectOf(card[3].substring(0, 9))), null, card[0], GRANT_FEN,
                        "苍扶贫付〔2016〕199号（演示）", CLERK)), DONE));
    }

    /** Once the grant lists have been public for their whole period: the grants are paid; returns how many. */
    int payGrants() {
        int granted = 0;
        for (String township : householdsByTownship().keySet()) {
            GrantBatchId batchId = batchOf(township);
            DemoProjects.as(APPROVER, () -> commands.sendAndWait(new ApproveGrantBatchCommand(batchId, APPROVER)),
                    DONE);
            granted += itemsOf(batchId);
        }
        if (eventStore.lastSequenceNumberFor(REVERSED_GRANT).isPresent()) {
            approve(REVERSED_GRANT);
        }
        return granted;
    }

    /** The single grant bounces: the household's 一卡通 account was closed, and the money comes back. */
    void reverseGrant() {
        if (eventStore.lastSequenceNumberFor(REVERSED_GRANT).isPresent()) {
            DemoProjects.as(APPROVER, () -> commands.sendAndWait(new ReverseDisbursementCommand(
                    new DisbursementId(REVERSED_GRANT), "一卡通账户已注销，资金退回，待核实后重新发放（演示）", APPROVER)), DONE);
        }
    }

    /**
     * The twentieth household of the first township asks for its grant at the present: its grant list is in its
     * publicity period when the newcomer arrives, so approving it answers DISCLOSURE_PERIOD_OPEN until the demo
     * clock moves past the period (README).
     */
    void requestLateGrant() {
        tenthHousehold(householdsByTownship(), 1).ifPresent(card -> DemoProjects.as(CLERK,
                () -> commands.sendAndWait(new RequestDisbursementCommand(new DisbursementId(LATE_GRANT),
                        new ProjectId(grantProjectOf(card[3].substring(0, 9))), null, card[0], GRANT_FEN,
                        "苍扶贫付〔2016〕200号（演示）", CLERK)), DONE));
    }

    private void approve(String disbursementId) {
        DemoProjects.as(APPROVER, () -> commands.sendAndWait(new ApproveDisbursementCommand(
                new DisbursementId(disbursementId), APPROVER)), DONE);
    }

    private void request(String disbursementId, String projectId, long yuan, String voucherNo) {
        String village = villageOf(projectId);
        DemoProjects.as(CLERK, () -> commands.sendAndWait(new RequestDisbursementCommand(
                new DisbursementId(disbursementId), new ProjectId(projectId), village, null,
                Math.multiplyExact(yuan, 100L), voucherNo, CLERK)), DONE);
    }

    private int itemsOf(GrantBatchId batchId) {
        return eventStore.readEvents(batchId.value(), 0).asStream().map(event -> event.getPayload())
                .filter(GrantBatchSubmittedEvent.class::isInstance)
                .mapToInt(payload -> ((GrantBatchSubmittedEvent) payload).disbursementIds().size())
                .findFirst().orElse(0);
    }

    private Map<String, List<String[]>> householdsByTownship() {
        Map<String, List<String[]>> byTownship = new TreeMap<>();
        String[] lines = DemoCounty.householdRegister(gazetteer).split("\n");
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

    private static GrantBatchId batchOf(String townshipCode) {
        return new GrantBatchId("GB-510824-DEMO-2016-" + townshipCode.substring(6));
    }

    private static String grantProjectOf(String townshipCode) {
        return "PRJ-510824-DEMO-2016-G" + townshipCode.substring(6);
    }

    private String villageOf(String projectId) {
        // The demo projects' villages are fixed by DemoProjects; read the project's proposal to find it.
        return eventStore.readEvents(projectId, 0).asStream()
                .map(event -> event.getPayload())
                .filter(ProjectProposedEvent.class::isInstance)
                .map(payload -> ((ProjectProposedEvent) payload).villageCode())
                .findFirst().orElseThrow();
    }
}
