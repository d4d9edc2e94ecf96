package cn.fupin.ledger.ops.schema;

import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V15 builds every read model again (fund ids changed inside them): its lists of read-model processing groups and
 * tables must be complete, or a read model added later would keep fund ids of the old shape after the migration.
 */
@LedgerTest
class ReadModelResetListsTest extends LedgerApiTest {

    /** Tables that are no read model: Axon's, Flyway's, db-scheduler's and the command side's own. */
    static final Set<String> NOT_READ_MODELS = Set.of("domain_event_entry", "snapshot_event_entry", "token_entry",
            "saga_entry", "association_value_entry", "dead_letter_entry", "flyway_schema_history", "scheduled_tasks",
            "idempotency_record", "personal_data_index", "voucher_register", "notice_item", "demo_clock",
            "demo_clock_move", "login_failures");

    /** Processing groups that act rather than project, and must not run again over old events. */
    static final Set<String> ACTING_GROUPS = Set.of("disclosure-publisher", "CompetitionSubmissionSagaProcessor",
            "NoticePeriodSagaProcessor");

    @Autowired
    DataSource dataSource;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyReadModelTableIsEmptied() throws Exception {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet found = connection.getMetaData().getTables(connection.getCatalog(), null, "%", null)) {
            while (found.next()) {
                String schema = String.valueOf(found.getString("TABLE_SCHEM")).toLowerCase(Locale.ROOT);
                String type = String.valueOf(found.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                // H2 says BASE TABLE, MariaDB TABLE; H2's own catalogue is in INFORMATION_SCHEMA
                if (type.endsWith("TABLE") && !type.contains("SYSTEM") && !schema.equals("information_schema")) {
                    tables.add(found.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        tables.removeAll(NOT_READ_MODELS);

        assertThat(new TreeSet<>(V15__Fund_ids_with_county.READ_MODEL_TABLES)).isEqualTo(tables);
    }

    @Test
    void everyReadModelProcessorStartsAgain() {
        Set<String> groups = new TreeSet<>(processing.eventProcessors().keySet());
        groups.removeAll(ACTING_GROUPS);

        assertThat(new TreeSet<>(V15__Fund_ids_with_county.READ_MODEL_GROUPS)).isEqualTo(groups);
        assertThat(processing.eventProcessors().keySet()).containsAll(ACTING_GROUPS);
    }
}
