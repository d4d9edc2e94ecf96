package cn.fupin.ledger.ops.demo;

import cn.fupin.ledger.command.common.Actors;

import cn.fupin.ledger.command.household.HouseholdRegisterFiles;
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
 * Loads the demo county once: poor villages, a synthetic household register (through the clerk's import path) and
 * appropriations for two fiscal years, 2015 meeting the county-budget floor and 2016 falling short of it. Everything
 * invented is labelled 演示数据 (demonstration data). Each step is idempotent, and a finished load is recognised by
 * its last appropriation, so restarting neither loads twice nor leaves a half-load behind.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "ledger.demo.load-data", havingValue = "true")
@Order(0)
class DemoDataLoader implements ApplicationRunner {

    static final String LABEL = "演示数据（demonstration data）";
    static final int HOUSEHOLDS = 240;
    static final int[] YEARS = {2015, 2016};

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final Gazetteer gazetteer;
    private final HouseholdRegisterFiles registerFiles;

    DemoDataLoader(CommandGateway commands, EventStore eventStore, Gazetteer gazetteer,
                   HouseholdRegisterFiles registerFiles) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.gazetteer = gazetteer;
        this.registerFiles = registerFiles;
    }

    /** One appropriation of the demo. */
    record Appropriation(int year, FundSource source, long yuan, String documentNo) {
    }

    static final List<Appropriation> APPROPRIATIONS = List.of(
            new Appropriation(2015, FundSource.CENTRAL, 30_000_000, "苍财农〔2015〕3号"),
            new Appropriation(2015, FundSource.PROVINCIAL, 15_000_000, "苍财农〔2015〕8号"),
            new Appropriation(2015, FundSource.MUNICIPAL, 5_000_000, "苍财农〔2015〕11号"),
            new Appropriation(2015, FundSource.COUNTY, 8_000_000, "苍财农〔2015〕12号"),
            new Appropriation(2015, FundSource.COUNTY, 4_500_000, "苍财农〔2015〕27号"),
            new Appropriation(2015, FundSource.INTEGRATED_AGRICULTURE, 20_000_000, "苍财农〔2015〕19号"),
            new Appropriation(2015, FundSource.WORK_RELIEF, 8_000_000, "苍发改〔2015〕15号"),
            new Appropriation(2015, FundSource.DONATION, 1_200_000, "苍扶贫〔2015〕5号"),
            new Appropriation(2016, FundSource.CENTRAL, 32_000_000, "苍财农〔2016〕2号"),
            new Appropriation(2016, FundSource.PROVINCIAL, 16_000_000, "苍财农〔2016〕7号"),
            new Appropriation(2016, FundSource.MUNICIPAL, 5_000_000, "苍财农〔2016〕10号"),
            new Appropriation(2016, FundSource.COUNTY, 6_000_000, "苍财农〔2016〕13号"),
            new Appropriation(2016, FundSource.COUNTY, 3_000_000, "苍财农〔2016〕31号"),
            new Appropriation(2016, FundSource.INTEGRATED_AGRICULTURE, 22_000_000, "苍财农〔2016〕20号"),
            new Appropriation(2016, FundSource.WORK_RELIEF, 8_500_000, "苍发改〔2016〕9号"),
            new Appropriation(2016, FundSource.DONATION, 1_500_000, "苍扶贫〔2016〕4号"));

    @Override
    public void run(ApplicationArguments args) {
        Appropriation last = APPROPRIATIONS.get(APPROPRIATIONS.size() - 1);
        if (eventStore.lastSequenceNumberFor(FundId.of(DemoCountyCheck.DEMO_COUNTY, last.year(), last.source()).value()).isPresent()) {
            log.info("demo county data is present; not loading it again");
            return;
        }
        Actors.runAsSystem("demo-loader", this::load);
    }

    private void load() {
        List<String> poor = poorVillages();
        for (int year : YEARS) {
            String documentNo = "苍委办〔" + year + "〕40号（演示）";
            for (String village : poor) {
                ignoringDone(() -> commands.sendAndWait(new DesignatePoorVillageCommand(new VillageCode(village), year, documentNo)));
            }
        }
        String register = householdRegister(gazetteer);
        HouseholdImportResult imported = registerFiles.importFile(register.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8, "demo-register.csv");
        for (Appropriation appropriation : APPROPRIATIONS) {
            FundId fund = FundId.of(DemoCountyCheck.DEMO_COUNTY, appropriation.year(), appropriation.source());
            ignoringDone(() -> commands.sendAndWait(new AppropriateFundsCommand(fund,
                    "APPR-DEMO-" + appropriation.documentNo().hashCode(), appropriation.year(), appropriation.source(),
                    Math.multiplyExact(appropriation.yuan(), 100L), appropriation.documentNo(), LABEL)));
        }
        log.info("demo county loaded: {} poor villages, {} households imported ({} unchanged), {} appropriations; {}",
                poor.size(), imported.imported(), imported.unchanged(), APPROPRIATIONS.size(), LABEL);
    }

    /** The demo register file: {@link #HOUSEHOLDS} households in the poor villages and ten others (deterministic). */
    static String householdRegister(Gazetteer gazetteer) {
        List<String> poor = poorVillages(gazetteer);
        List<String> householdVillages = new ArrayList<>(poor);
        householdVillages.addAll(otherVillages(gazetteer, poor, 10));
        return DemoHouseholds.csv(householdVillages, HOUSEHOLDS, gazetteer.county().code());
    }

    private List<String> poorVillages() {
        return poorVillages(gazetteer);
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
            if (!refusal.code().equals("ALREADY_DESIGNATED") && !refusal.code().equals("DUPLICATE_DOCUMENT_NO")) {
                throw refusal;
            }
        }
    }
}
