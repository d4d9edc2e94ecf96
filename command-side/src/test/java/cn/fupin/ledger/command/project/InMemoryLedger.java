package cn.fupin.ledger.command.project;

import cn.fupin.ledger.command.competition.Competition;
import cn.fupin.ledger.command.fund.Fund;
import cn.fupin.ledger.command.place.Village;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.ProposalSubmittedEvent;
import cn.fupin.ledger.shared.fund.AppropriateFundsCommand;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.place.DesignatePoorVillageCommand;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.workarea.WorkAreas;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The command side of projects as it runs in the application, in memory: the project, fund, village and round aggregates
 * with the handlers of this package on one command bus, each command in its own unit of work (which, on the
 * relational store, is one database transaction). A refused command's unit of work rolls back and stores nothing.
 * Other packages extend it with their aggregates and handlers (see {@link #InMemoryLedger(Consumer)}).
 */
public class InMemoryLedger implements AutoCloseable {

    public static final Gazetteer CANGXI = Gazetteer.forCounty("510824");
    public static final WorkAreas WORK_AREAS = WorkAreas.standard();

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final Configuration axon;

    public InMemoryLedger() {
        this(configurer -> { });
    }

    /** The ledger of projects with more aggregates, handlers or components, as {@code more} configures them. */
    protected InMemoryLedger(Consumer<Configurer> more) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> storage)
                .registerComponent(Gazetteer.class, c -> CANGXI)
                .registerComponent(WorkAreas.class, c -> WORK_AREAS)
                .configureAggregate(Fund.class)
                .configureAggregate(Village.class)
                .configureAggregate(Project.class)
                .configureAggregate(Competition.class)
                .registerCommandHandler(c -> new ProjectProposer(c, c.eventStore(), CANGXI, WORK_AREAS))
                .registerCommandHandler(c -> new ProjectApprover(c, c.eventStore()))
                .registerCommandHandler(c -> new ProjectCanceller(c, c.eventStore()))
                .registerCommandHandler(c -> new ProjectAcceptor(c, c.eventStore()));
        more.accept(configurer);
        axon = configurer.buildConfiguration();
        axon.start();
    }

    /** The running configuration, for what an extension records or reads itself. */
    protected Configuration axon() {
        return axon;
    }

    /** Sends the command and waits for its result; a refusal is thrown as it is. */
    public <R> R send(Object command) {
        return axon.commandGateway().sendAndWait(command);
    }

    /** Sends a command that must be refused, and returns the refusal. */
    public Refusal refusal(Object command) {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> send(command));
        assertThat(refusal).as("the command is refused").isNotNull();
        return refusal;
    }

    public void appropriate(FundId fundId, long amountFen) {
        send(new AppropriateFundsCommand(fundId, "APPR-" + fundId.value(), fundId.fiscalYear(), fundId.source(),
                amountFen, "财农〔" + fundId.fiscalYear() + "〕" + fundId.source().ordinal() + "号", null));
    }

    public void designatePoor(VillageCode village, int year) {
        send(new DesignatePoorVillageCommand(village, year, "苍委发〔" + year + "〕3号"));
    }

    /** The payloads stored for one aggregate, in order. */
    public List<Object> events(String aggregateId) {
        return axon.eventStore().readEvents(aggregateId).asStream().map(Message::getPayload).map(Object.class::cast)
                .toList();
    }

    /** The payloads of the household's stream ({@code HH-<card number>}), in order. */
    public List<Object> householdEvents(String cardNo) {
        return events(HouseholdCardNo.streamIdOf(cardNo));
    }

    /** Every payload the ledger has stored, in order. */
    public List<Object> allEvents() {
        return storage.readEvents(null, false).map(Message::getPayload).map(Object.class::cast).toList();
    }

    public long availableFen(String fundId) {
        return read(Fund.class, fundId, Fund::availableFen);
    }

    public <T, R> R read(Class<T> type, String id, Function<T, R> question) {
        return DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> axon.repository(type).load(id).invoke(question)).getPayload();
    }

    /** Runs a step on the project in its own unit of work, as another handler (a competitive round's) does. */
    public void onProject(String projectId, Consumer<Project> step) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> axon.repository(Project.class).load(projectId).execute(step));
    }

    /**
     * An open round on {@code fundId} holding the project's proposal, recorded as the round's handlers record it in one
     * unit of work: the round's events (given as stored events, since its handlers belong to the competition package)
     * and the project entering it.
     */
    void submitToRound(String competitionId, String fundId, String projectId, Actor actor) {
        Instant opened = Instant.parse("2016-01-04T01:00:00Z");
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            axon.eventStore().publish(
                    new GenericDomainEventMessage<>("Competition", competitionId, 0, new CompetitionOpenedEvent(
                            competitionId, "2016年村道竞争立项", 2016, fundId, 100_000_000L,
                            List.of(new Criterion(Criterion.TOWNSHIP_ASSESSMENT, 60), new Criterion("方案质量", 40)),
                            opened.plusSeconds(30 * 86_400), "clerk")),
                    new GenericDomainEventMessage<>("Competition", competitionId, 1, new ProposalSubmittedEvent(
                            competitionId, projectId, "510824100", "510824100001", 30_000_000L,
                            opened.plusSeconds(86_400), actor.username())));
            axon.repository(Project.class).load(projectId)
                    .execute(p -> p.enterCompetition(competitionId, fundId, actor));
        });
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
