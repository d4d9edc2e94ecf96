package cn.fupin.ledger.ops.processing;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the metrics carry. The command, event and query buses keep Axon's dimensional metrics ({@code commandBus.*}
 * tagged with the command's type: the rate per command). The event processors do not: Axon's would tag every
 * processor's meters with the event type too (fourteen groups times every event type, each timer with its quantiles,
 * tens of thousands of series for a scrape) and look them up per event read; each group gets a {@link ProcessorMonitor}
 * instead, the same names tagged with the processing group alone. Every tag is a name from a fixed set (command types,
 * processing groups, page kinds, HTTP route templates), never an id or anything a person entered.
 */
@Configuration(proxyBeanMethods = false)
class LedgerMetrics {

    /**
     * Replaces Axon's auto-configured module (which it builds only when there is none). One monitor per group, however
     * often Axon asks for it (a gauge registered twice would keep reading the first monitor's value).
     */
    @Bean
    MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry metrics, Clock clock) {
        Map<String, ProcessorMonitor> processors = new ConcurrentHashMap<>();
        return new MetricsConfigurerModule(metrics, true) {
            @Override
            @SuppressWarnings("unchecked")
            public void configureModule(org.axonframework.config.Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) -> {
                    if (EventProcessor.class.isAssignableFrom(componentType)) {
                        MessageMonitor<? super EventMessage<?>> monitor = processors.computeIfAbsent(componentName,
                                name -> new ProcessorMonitor(name, metrics.getRegistry(), clock));
                        return (MessageMonitor<Message<?>>) (MessageMonitor<?>) monitor;
                    }
                    return (MessageMonitor<Message<?>>) metrics.registerComponentWithDefaultTags(componentType,
                            componentName);
                });
            }
        };
    }
}
