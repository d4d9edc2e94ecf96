package cn.fupin.ledger.ops.testing;

import cn.fupin.ledger.ops.disclosure.ReadModelProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an HTTP-level test of the running ledger starts with: a client for its port, the database it writes and the
 * events stored there. Subclasses carry {@link LedgerTest} (or a variant with other settings).
 */
public abstract class LedgerApiTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected EventProcessingConfiguration eventProcessing;

    @Autowired
    protected ReadModelProgress readModelProgress;

    protected Api api;
    protected StoredEvents events;

    @BeforeEach
    void connect() {
        api = new Api(port);
        events = new StoredEvents(jdbc);
    }
}
