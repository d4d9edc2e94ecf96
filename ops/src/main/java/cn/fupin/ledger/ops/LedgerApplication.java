package cn.fupin.ledger.ops;

import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The poverty-alleviation fund ledger. With no arguments it runs the embedded default: the demo profile, an H2
 * file database under {@code ./data}, port 8080.
 */
@SpringBootApplication(scanBasePackages = "cn.fupin.ledger", exclude = UpdateCheckerAutoConfiguration.class)
@EntityScan(basePackages = {
        "cn.fupin.ledger.query",
        // Axon's own entities: @EntityScan replaces the packages Axon would register by itself.
        "org.axonframework.eventsourcing.eventstore.jpa",
        "org.axonframework.eventhandling.tokenstore.jpa",
        "org.axonframework.modelling.saga.repository.jpa",
        "org.axonframework.eventhandling.deadletter.jpa"})
@EnableJpaRepositories(basePackages = "cn.fupin.ledger.query")
@ConfigurationPropertiesScan(basePackages = "cn.fupin.ledger.ops")
public class LedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}
