package cn.fupin.ledger.ops.axon;

import cn.fupin.ledger.disclosure.publisher.EventHistories;
import cn.fupin.ledger.shared.place.Gazetteer;
import org.axonframework.eventhandling.async.SequentialPolicy;

import cn.fupin.ledger.shared.stored.StoredForm;
import cn.fupin.ledger.shared.stored.Upcasters;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.json.JacksonSerializer;
import java.time.Clock;
import java.util.concurrent.ThreadPoolExecutor;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.lifecycle.Phase;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import cn.fupin.ledger.disclosure.publisher.AutomaticPublisher;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * How Axon runs here: no Axon Server (events, tokens and sagas in the relational database), Jackson for every
 * message with a canonical byte form, pooled streaming processors whose handler failures propagate (the segment
 * stops and retries; an event is never skipped), and audit metadata on every command and the events it causes.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** The metadata every event carries: who did it, in which role, under which request, from where, and why. */
    public static final String[] AUDIT_METADATA_KEYS = {
            AuditMetadata.ACTOR, AuditMetadata.ROLE, AuditMetadata.REQUEST_ID, AuditMetadata.REMOTE_ADDRESS,
            AuditMetadata.REASON};

    /** The processors of the sagas (Axon names a saga's processor after it). */
    private static final String NOTICE_PERIOD_SAGA = "NoticePeriodSagaProcessor";
    private static final String COMPETITION_SUBMISSION_SAGA = "CompetitionSubmissionSagaProcessor";

    private static final PooledStreamingProcessorConfiguration ONE_AT_A_TIME = (configuration, builder) -> builder.batchSize(1);

    /** The processing group of grant coverage (query-side {@code CoverageProjection}). */
    private static final String COVERAGE = "coverage";

    /** The processing group of the event history's index (query-side {@code AuditSubjectProjection}). */
    static final String AUDIT_SUBJECTS = "audit-subjects";

    /** The stored form of every message (events, tokens, sagas, deadlines): {@link StoredForm}. */
    private static Serializer jackson() {
        return StoredForm.serializer();
    }

    /**
     * The ledger's upcasters, {@link Upcasters#chain}: the one {@code EventUpcaster} bean, which Axon's Spring
     * configuration registers, so that the event store (below) and with it every processor and aggregate read through
     * it. Upcasters are added there, not as beans of their own (their order matters; {@code StoredEventUpcastingTest}
     * checks there is one bean); one that needs a setting gets it here.
     */
    @Bean
    public EventUpcasterChain ledgerUpcasters(@Qualifier("eventSerializer") Serializer eventSerializer,
                                              Gazetteer gazetteer) {
        return Upcasters.chain(eventSerializer, gazetteer.county().code());
    }

    /**
     * Many aggregates' stored events read together, through the event store's serializer and upcasters: the
     * publisher's grant lists read a batch's requests and households this way ({@link StoredEventHistories}).
     */
    @Bean
    public EventHistories eventHistories(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer,
                                         EventUpcasterChain ledgerUpcasters) {
        return new StoredEventHistories(jdbc, eventSerializer, ledgerUpcasters);
    }

    /**
     * Snapshots of the long-lived aggregates (a fund collects every reservation and payment of its year, a project
     * every payment; {@code Fund} and {@code Project} name {@link #SNAPSHOT_TRIGGER}): after
     * {@code ledger.event-store.snapshot-after-events} events (100) loaded to handle a command, Axon stores the aggregate's
     * state in {@code snapshot_event_entry}, and later loads start from it and read only the events after it. A
     * snapshot is a cache, never a record: the events stay the only truth, and a snapshot of another
     * {@code @Revision} of the aggregate is ignored (Axon's revision snapshot filter), so a changed aggregate is built
     * from its events again.
     */
    public static final String SNAPSHOT_TRIGGER = "ledgerSnapshotTrigger";

    @Bean(SNAPSHOT_TRIGGER)
    public SnapshotTriggerDefinition ledgerSnapshotTrigger(Snapshotter snapshotter,
                                                           @Value("${ledger.event-store.snapshot-after-events:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Snapshots are taken on a thread of their own, after the command that triggered one has answered (Axon's default
     * takes it on the command's thread: a project's first snapshot after a batch of 1,000 grants re-read its thousands
     * of events before the approval answered). One thread, up to 1,000 waiting; beyond that a snapshot is skipped,
     * which only means a later load reads more events and triggers it again.
     */
    @Bean
    public SpringAggregateSnapshotterFactoryBean snapshotter(ThreadPoolTaskExecutor snapshotExecutor) {
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(snapshotExecutor);
        return snapshotter;
    }

    @Bean
    public ThreadPoolTaskExecutor snapshotExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(1_000);
        executor.setThreadNamePrefix("snapshotter-");
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }

    /**
     * The snapshots' form: the stored form's rules (sorted properties and map keys, ISO dates, unknown properties
     * fail), reading and writing the aggregate's fields themselves, not its accessors: an aggregate's state is its
     * private fields, which its event-sourcing handlers assign.
     */
    static Serializer snapshotSerializer() {
        ObjectMapper fields = StoredForm.objectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(fields).build();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jackson();
    }

    /**
     * Axon's JPA storage engine as its auto-configuration builds it, but with a longer gap timeout. A global index is
     * taken when a transaction inserts an event and becomes visible when it commits; a processor that sees a later
     * index first keeps the earlier one as a gap and waits for it, but only for the gap timeout (60 s by default).
     * A household import of tens of thousands of rows is one long transaction, so the default could let a
     * processor give up on its events; the timeout is configurable ({@code ledger.event-store.gap-timeout}). The timeout
     * is measured in the time that passed, not in how far the demo clock jumped meanwhile ({@link LedgerTimeGaps}).
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 EntityManagerProvider entityManagerProvider,
                                                 TransactionManager transactionManager,
                                                 @Value("${ledger.event-store.gap-timeout:10m}") Duration gapTimeout,
                                                 @Value("${ledger.event-store.fetch-size:100}") int fetchSize,
                                                 Clock clock) {
        JpaEventStorageEngine.Builder builder = JpaEventStorageEngine.builder()
                .batchSize(fetchSize)
                .snapshotSerializer(snapshotSerializer())
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager);
        return new LedgerTimeGaps.StorageEngine(builder, gapTimeout, LedgerTimeGaps.agingClock(clock, gapTimeout));
    }

    @Bean
    public ConfigurerModule processingConfigurer(@Value("${ledger.processing.batch-size:100}") int batchSize,
                                                 @Value("${ledger.processing.segments:1}") int segments,
                                                 Clock clock) {
        // The journal takes every money event in the order of the event store (one sequence for the whole group), so
        // that at every moment its balances are those of a prefix of the ledger's history: balanced, and no account
        // where it may not be. The skipped work's list is sequential too: a notice's publication and the retry that led to
        // it are in different streams and change the same row. Grant coverage is sequential too: it counts a village
        // again after each change of one of its households or their grants, and two households of a village handled
        // side by side in two segments would each count without the other's uncommitted row (a lost update, found by
        // PaymentQueryApiTest's recount of every village). The event history's index (audit-subjects) also takes
        // every event in the store's order, on one segment, in batches of up to 100 events per transaction (a rebuild of
        // a million events would otherwise take a transaction per event). The journal takes its events in batches of
        // up to 100 too: one transaction per event let it fall 640 events behind a batch of 1,000 grants approved at
        // once, 20 s after the approval, on MariaDB (GrantBatchOfAThousandApiTest); a batch commits as a prefix of the
        // ledger's history, so its balances stay those of a prefix. Other read models are sequenced per aggregate,
        // Axon's default.
        // Every read model takes up to `ledger.processing.batch-size` (100) waiting events in one transaction: one
        // transaction per event per group made rebuilding the read models a transaction per event and group (606
        // events/s against a raw scan's 5,000, docs/performance.md). Its handlers read through the same persistence
        // context (Hibernate flushes before a query), so a batch sees its own earlier events. A processor that sends
        // commands (the publisher, the two sagas) keeps one event per transaction: the events its commands record commit
        // with its token, and a batch would hold their positions open for as long as the batch takes.
        // Every group runs on `ledger.processing.segments` segments (1): on one node, 16 segments made 16 times as many
        // transactions, each with a sixteenth of a batch (docs/performance.md, "Fourth round").
        // Every processor reads the store through one PromptEventSource, which wakes it as soon as there are events
        // rather than after Axon's fixed half-second poll. What the processors' and sagas' handlers record is stamped with
        // this ledger's clock (LedgerClockInterceptor).
        AtomicReference<PromptEventSource> prompt = new AtomicReference<>();
        LedgerClockInterceptor ledgerClock = new LedgerClockInterceptor(clock);
        return configurer -> {
            configurer.onShutdown(Phase.INBOUND_EVENT_CONNECTORS,
                    () -> Optional.ofNullable(prompt.get()).ifPresent(PromptEventSource::stop));
            configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors()
                .configureDefaultStreamableMessageSource(configuration ->
                        prompt.updateAndGet(made -> made != null ? made : new PromptEventSource(configuration.eventStore())))
                .registerPooledStreamingEventProcessorConfiguration(
                        (configuration, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments))
                .registerPooledStreamingEventProcessorConfiguration(AutomaticPublisher.GROUP, ONE_AT_A_TIME)
                .registerPooledStreamingEventProcessorConfiguration(NOTICE_PERIOD_SAGA, ONE_AT_A_TIME)
                .registerPooledStreamingEventProcessorConfiguration(COMPETITION_SUBMISSION_SAGA, ONE_AT_A_TIME)
                .registerSequencingPolicy("journal", configuration -> new SequentialPolicy())
                .registerSequencingPolicy("skipped-work", configuration -> new SequentialPolicy())
                .registerSequencingPolicy(COVERAGE, configuration -> new SequentialPolicy())
                .registerSequencingPolicy(AUDIT_SUBJECTS, configuration -> new SequentialPolicy())
                .registerPooledStreamingEventProcessorConfiguration(AUDIT_SUBJECTS,
                        (configuration, builder) -> builder.initialSegmentCount(1))
                .registerDefaultHandlerInterceptor((configuration, name) -> ledgerClock)
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(configuration -> PropagatingErrorHandler.instance()));
        };
    }

    @Bean
    public CorrelationDataProvider auditCorrelation() {
        return new SimpleCorrelationDataProvider(AUDIT_METADATA_KEYS);
    }

    @Bean
    public CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }
}
