package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.AffectedPages;
import cn.fupin.ledger.shared.place.Gazetteer;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the re-renderer of the public pages ({@link PageRefresher}, processing group {@value PageRefresher#GROUP}) runs.
 * Like every group it is a pooled streaming processor whose errors propagate (the defaults of
 * {@code AxonConfiguration}, not overridden here); unlike the read models:
 * <ul>
 * <li>one segment, events in the event store's order: one node renders at a time, each batch after the last;</li>
 * <li>batches of up to {@code ledger.disclosure.pages.batch-size} events (1,000: what has queued up
 * while the previous batch rendered), so a burst renders each page once;</li>
 * <li>no transaction around a batch: a batch waits for the read models and renders, which must not hold a database
 * connection or a lock; its pages are stored by statements of their own, and its token by a short transaction of its
 * own after them ({@link TransactionalTokenStore}). A batch that fails stores no token and is handled again.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PublicPagesConfiguration {

    @Bean
    AffectedPages affectedPages(Gazetteer gazetteer, EventStoreSubjects subjects) {
        return new AffectedPages(gazetteer, subjects);
    }

    @Bean
    ConfigurerModule publicPagesProcessing(@Value("${ledger.disclosure.pages.batch-size:1000}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSequencingPolicy(PageRefresher.GROUP, configuration -> new SequentialPolicy())
                .registerPooledStreamingEventProcessorConfiguration(PageRefresher.GROUP,
                        (configuration, builder) -> builder.initialSegmentCount(1).batchSize(batchSize))
                .registerTransactionManager(PageRefresher.GROUP, configuration -> NoTransactionManager.instance())
                .registerTokenStore(PageRefresher.GROUP, configuration -> new TransactionalTokenStore(
                        configuration.getComponent(TokenStore.class),
                        configuration.getComponent(TransactionManager.class))));
    }
}
