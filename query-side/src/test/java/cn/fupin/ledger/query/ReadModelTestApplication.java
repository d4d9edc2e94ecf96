package cn.fupin.ledger.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The configuration a {@code @DataJpaTest} of a read model finds: the query side's entities and repositories on an
 * in-memory database whose tables Hibernate makes from the entities (the real schema is Flyway's, in ops, and is
 * checked against the entities there).
 */
@SpringBootApplication
public class ReadModelTestApplication {
}
