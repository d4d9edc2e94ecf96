package cn.fupin.ledger.ops.demo;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.command.household.HouseholdRegisterFiles;
import cn.fupin.ledger.ops.audit.RefusedAttempts;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.fund.AppropriateFundsCommand;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.household.HouseholdImportResult;
import cn.fupin.ledger.shared.place.DesignatePoorVillageCommand;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import cn.fupin.ledger.shared.place.VillageCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo county's places, people and money: poor villages designated each year, a synthetic household register
 * (imported through the clerk's path) and the appropriations of 2015 (the county budget meets its floor) and 2016 (it
 * falls short), each with the date its document arrived. Everything invented is labelled 演示数据 (demonstration data).
 * Each step is idempotent: a step an interrupted load did already is refused as done and passed over.
 */
@Component
@Profile("demo")
class DemoCounty {

    static final String LABEL = "演示数据（demonstration data）";
    static final int HOUSEHOLDS = 240;

    private static final Logger log = LoggerFactory.getLogger(DemoCounty.class);
    private static final Set<String> DONE = Set.of("ALREADY_DESIGNATED", "DUPLICATE_DOCUMENT_NO");

    /** One appropriation of the demo, recorded when its document arrived ({@code recordedOn}, Cangxi time). */
    record Appropriation(String recordedOn, int year, FundSource source, long yuan, String documentNo) {

        String appropriationId() {
            return "APPR-510824-DEMO-" + documentNo.hashCode();
        }
    }

    /**
     * The appropriations in the order their documents arrived: in spring, as the year's budgets are passed down. The
     * work-relief funds of 2015 ({@link #LATE_NOTICE}) are the ones whose allocation notice the history publishes late.
     */
    static final List<Appropriation> APPROPRIATIONS = List.of(
            new Appropriation("2015-03-09T10:00", 2015, FundSource.CENTRAL, 30_000_000, "苍财农〔2015〕3号"),
            new Appropriation("2015-03-23T10:00", 2015, FundSource.PROVINCIAL, 15_000_000, "苍财农〔2015〕8号"),
            new Appropriation("2015-04-07T10:00", 2015, FundSource.MUNICIPAL, 5_000_000, "苍财农〔2015〕11号"),
            new Appropriation("2015-04-14T10:00", 2015, FundSource.COUNTY, 8_000_000, "苍财农〔2015〕12号"),
            new Appropriation("2015-04-28T10:00", 2015, FundSource.INTEGRATED_AGRICULTURE, 20_000_000, "苍财农〔2015〕19号"),
            new Appropriation("2015-05-12T10:00", 2015, FundSource.DONATION, 1_200_000, "苍扶贫〔2015〕5号"),
            new Appropriation("2015-05-19T10:00", 2015, FundSource.COUNTY, 4_500_000, "苍财农〔2015〕27号"),
            new Appropriation("2015-05-26T10:00", 2015, FundSource.WORK_RELIEF, 8_000_000, "苍发改〔2015〕15号"),
            new Appropriation("2016-03-01T10:00", 2016, FundSource.CENTRAL, 32_000_000, "苍财农〔2016〕2号"),
            new Appropriation("2016-03-08T10:00", 2016, FundSource.PROVINCIAL, 16_000_000, "苍财农〔2016〕7号"),
            new Appropriation("2016-03-15T10:00", 2016, FundSource.MUNICIPAL, 5_000_000, "苍财农〔2016〕10号"),
            new Appropriation("2016-03-22T10:00", 2016, FundSource.COUNTY, 6_000_000, "苍财农〔2016〕13号"),
            new Appropriation("2016-03-29T10:00", 2016, FundSource.INTEGRATED_AGRICULTURE, 22_000_000, "苍财农〔2016〕20号"),
            new Appropriation("2016-04-05T10:00", 2016, FundSource.WORK_RELIEF, 8_500_000, "苍发改〔2016〕9号"),
            new Appropriation("2016-04-12T10:00", 2016, FundSource.DONATION, 1_500_000, "苍扶贫〔2016〕4号"),
            new Appropriation("2016-05-17T10:00", 2016, FundSource.COUNTY, 3_000_000, "苍财农〔2016〕31号"));

    /** The appropriation whose allocation notice the history publishes late, and when (Cangxi time). */
    static final String LATE_NOTICE = "苍发改〔2015〕15号";
    static final String LATE_NOTICE_PUBLISHED_ON = "2015-06-30T10:00";

    /** The supplementary register that offers another household's bank card (演示: a refused attempt). */
    static final String BORROWED_CARD_FILE = "补录登记（演示：借用他户银行卡）.csv";

    private final CommandGateway commands;
    private final Gazetteer gazetteer;
    private final HouseholdRegisterFiles registerFiles;
    private final RefusedAttempts refusedAttempts;

    DemoCounty(CommandGateway commands, Gazetteer gazetteer, HouseholdRegisterFiles registerFiles,
               RefusedAttempts refusedAttempts) {
        this.commands = commands;
        this.gazetteer = gazetteer;
        this.registerFiles = registerFiles;
        this.refusedAttempts = refusedAttempts;
    }

    static Appropriation appropriation(String documentNo) {
        return APPROPRIATIONS.stream().filter(a -> a.documentNo().equals(documentNo)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo appropriation " + documentNo));
    }

    /** The year's poor villages (贫困村), designated by the county's document of the year. */
    void designatePoorVillages(int year) {
        String documentNo = "苍委办〔" + year + "〕40号（演示）";
        for (String village : poorVillages(gazetteer)) {
            ignoringDone(() -> commands.sendAndWait(new DesignatePoorVillageCommand(new VillageCode(village), year,
                    documentNo)));
        }
    }

    /** The register of the county's poor households, imported as a clerk imports the national system's file. */
    void importRegister() {
        HouseholdImportResult imported = registerFiles.importFile(householdRegister(gazetteer)
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, "demo-register.csv");
        log.info("demo register imported: {} households ({} unchanged); {}", imported.imported(),
                imported.unchanged(), LABEL);
    }

    /**
     * A clerk's supplementary register whose one row gives the bank card of a household already registered (代管存折
     * tried through the register, on purpose and labelled in its file name): the import is refused and records nothing,
     * and the attempt is recorded on its own, as the HTTP path records it, for the red flag SHARED_PAYEE.
     */
    void importRegisterBorrowingACard() {
        byte[] file = DemoHouseholds.borrowingACard(householdRegister(gazetteer), gazetteer.county().code())
                .getBytes(StandardCharsets.UTF_8);
        Actors.runAs(Actor.of("clerk", "CLERK"), () -> {
            try {
                registerFiles.importFile(file, StandardCharsets.UTF_8, BORROWED_CARD_FILE);
                throw new IllegalStateException("the demo's register borrowing a bank card was not refused");
            } catch (Refusal refused) {
                refusedAttempts.recordNoted(refused);
                log.info("demo register borrowing a bank card refused ({}), the attempt recorded; {}", refused.code(),
                        LABEL);
            }
        });
    }

    void appropriate(Appropriation appropriation) {
        FundId fund = FundId.of(DemoCountyCheck.DEMO_COUNTY, appropriation.year(), appropriation.source());
        ignoringDone(() -> commands.sendAndWait(new AppropriateFundsCommand(fund, appropriation.appropriationId(),
                appropriation.year(), appropriation.source(), Math.multiplyExact(appropriation.yuan(), 100L),
                appropriation.documentNo(), LABEL)));
    }

    int poorVillageCount() {
        return poorVillages(gazetteer).size();
    }

    /** The demo register file: {@link #HOUSEHOLDS} households in the poor villages and ten others (deterministic). */
    static String householdRegister(Gazetteer gazetteer) {
        List<String> poor = poorVillages(gazetteer);
        List<String> householdVillages = new ArrayList<>(poor);
        householdVillages.addAll(otherVillages(gazetteer, poor, 10));
        return DemoHouseholds.csv(householdVillages, HOUSEHOLDS, gazetteer.county().code());
    }

    /** About one rural village in six (villages named 村民委员会, not urban communities) is a demo poor village. */
    static List<String> poorVillages(Gazetteer gazetteer) {
        List<String> poor = new ArrayList<>();
        int rural = 0;
        for (Place township : gazetteer.townships()) {
            for (Place village : gazetteer.villagesOf(township.code())) {
                if (village.name().endsWith("村民委员会") && rural++ % 6 == 0) {
                    poor.add(village.code());
                }
            }
        }
        return poor;
    }

    private static List<String> otherVillages(Gazetteer gazetteer, List<String> poor, int count) {
        List<String> others = new ArrayList<>();
        for (Place township : gazetteer.townships()) {
            for (Place village : gazetteer.villagesOf(township.code())) {
                if (others.size() < count && village.name().endsWith("村民委员会") && !poor.contains(village.code())
                        && others.stream().noneMatch(o -> o.startsWith(township.code()))) {
                    others.add(village.code());
                }
            }
        }
        return others;
    }

    private static void ignoringDone(Runnable step) {
        try {
            step.run();
        } catch (Refusal refusal) {
            if (!DONE.contains(refusal.code())) {
                throw refusal;
            }
        }
    }
}
