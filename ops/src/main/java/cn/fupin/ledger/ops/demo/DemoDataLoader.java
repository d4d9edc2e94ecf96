package cn.fupin.ledger.ops.demo;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.ops.demo.DemoCounty.Appropriation;
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
 * Loads the demo county once, as its history: on a fresh demo ledger the clock starts on 5 January 2015
 * ({@link DemoHistory#START}) and every step below is recorded on its date, through the same commands people use, by
 * the demo user who would take it. 2015: poor villages, the household register, the year's appropriations in spring
 * (one allocation notice published late on purpose). 2016: the year's appropriations, a competitive round, village
 * projects, plans public before any payment, tranches, start-up grants after their grant lists' periods, a reversal, a
 * completion announced after its acceptance. Then the clock jumps to the present, where one more grant is asked for and
 * waits in its publicity period. Publications, period ends and deadlines follow by themselves on the ledger's time
 * ({@link DemoHistory}).
 *
 * <p>Everything invented is labelled 演示数据 (demonstration data). A finished load is recognised by its last step (the
 * grant asked for at the present), so a restart loads nothing twice; a load interrupted half-way goes on where it was
 * on the next start (each step refuses what was done as done, and the clock never goes back).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "ledger.demo.load-data", havingValue = "true")
@Order(0)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final EventStore eventStore;
    private final DemoHistory history;
    private final DemoCounty county;
    private final DemoProjects projects;
    private final DemoPayments payments;

    DemoDataLoader(EventStore eventStore, DemoHistory history, DemoCounty county, DemoProjects projects,
                   DemoPayments payments) {
        this.eventStore = eventStore;
        this.history = history;
        this.county = county;
        this.projects = projects;
        this.payments = payments;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (eventStore.lastSequenceNumberFor(DemoPayments.LATE_GRANT).isPresent()) {
            log.info("demo county data is present; not loading it again");
            return;
        }
        Actors.runAsSystem("demo-loader", this::load);
    }

    private void load() {
        // 2015. The county's poor villages and households (建档立卡, registered in 2014) are on the ledger in January.
        history.at("2015-01-05T09:30");
        county.designatePoorVillages(2015);
        history.at("2015-01-12T10:00");
        county.importRegister();
        // A supplementary register offering a registered household's bank card, refused; the attempt stays on record.
        county.importRegisterBorrowingACard();
        // The year's funds arrive in spring; each allocation notice is published the moment its appropriation is
        // recorded, except the work-relief funds': the county published that notice five weeks late, and the public
        // pages show it late, by how many working days (due within 15, DOMAIN.md).
        for (Appropriation appropriation : DemoCounty.APPROPRIATIONS) {
            if (appropriation.year() == 2015 && !appropriation.documentNo().equals(DemoCounty.LATE_NOTICE)) {
                appropriate(appropriation.documentNo());
            }
        }
        history.withPublisherHeld(() -> {
            appropriate(DemoCounty.LATE_NOTICE);
            history.at(DemoCounty.LATE_NOTICE_PUBLISHED_ON);
        });

        // 2016. Poor villages of the year, then the assessment of the townships' work in 2015.
        history.at("2016-01-11T09:30");
        county.designatePoorVillages(2016);
        history.at("2016-01-25T10:00");
        projects.assessments();
        // Spring: the year's funds; a competitive round on the central fund, open for a month.
        appropriate("苍财农〔2016〕2号");
        appropriate("苍财农〔2016〕7号");
        appropriate("苍财农〔2016〕10号");
        history.at("2016-03-16T10:00");
        projects.openRound();
        appropriate("苍财农〔2016〕13号");
        history.at("2016-03-28T10:00");
        projects.firstTownshipProposes();
        appropriate("苍财农〔2016〕20号");
        history.at("2016-03-30T10:00");
        projects.secondTownshipProposes();
        appropriate("苍发改〔2016〕9号");
        appropriate("苍扶贫〔2016〕4号");
        history.at("2016-04-13T10:00");
        projects.proposeDirectProjects();
        // The round's deadline (15 April) passes: its submissions close by themselves; the reviewers score.
        history.at("2016-04-18T09:00");
        projects.scoreRound();
        // Approval reserves the money and publishes each plan (事前公示), with the project's line on the lists.
        history.at("2016-04-20T10:00");
        projects.approveDirectProjects();
        history.at("2016-04-22T15:00");
        projects.closeRound();
        // The plans have been public for their ten days: works begin.
        history.at("2016-05-03T09:00");
        projects.startWorks();
        history.at("2016-05-09T10:00");
        projects.approveWinners();
        history.at("2016-05-16T10:00");
        payments.requestFirstTranches();
        appropriate("苍财农〔2016〕31号");
        history.at("2016-05-18T10:00");
        payments.approveFirstTranches();
        // Start-up grants of 3,000 yuan a household (每户3000元以上): projects, then batches, then the grant lists'
        // period, then payment.
        history.at("2016-05-30T10:00");
        payments.proposeGrantProjects();
        history.at("2016-06-06T10:00");
        payments.approveGrantProjects();
        payments.requestWinnersTranche();
        history.at("2016-06-13T10:00");
        payments.requestGrants();
        history.at("2016-06-14T10:00");
        projects.cancelCulture();
        history.at("2016-06-27T10:00");
        int granted = payments.payGrants();
        history.at("2016-07-11T10:00");
        payments.reverseGrant();
        history.at("2016-08-15T10:00");
        payments.requestSecondTranche();
        history.at("2016-08-17T10:00");
        payments.approveSecondTranche();
        // Winter: the drinking water is finished and accepted; its completion is announced (事后公告).
        history.at("2016-11-25T10:00");
        projects.completeWater();
        history.at("2016-12-09T10:00");
        projects.acceptWater();

        // The present: one more household asks for its grant; its grant list is in its period when you arrive.
        history.toThePresent();
        payments.requestLateGrant();
        log.info("demo county loaded, 2015 to the present: {} poor villages, {} households, {} appropriations, round {},"
                        + " {} start-up grants; {}", county.poorVillageCount(), DemoCounty.HOUSEHOLDS,
                DemoCounty.APPROPRIATIONS.size(), DemoProjects.ROUND, granted, DemoCounty.LABEL);
    }

    /** Records an appropriation on the date its document arrived. */
    private void appropriate(String documentNo) {
        Appropriation appropriation = DemoCounty.appropriation(documentNo);
        history.at(appropriation.recordedOn());
        county.appropriate(appropriation);
    }
}
