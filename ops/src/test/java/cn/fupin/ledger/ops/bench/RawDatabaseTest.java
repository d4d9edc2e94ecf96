package cn.fupin.ledger.ops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawDatabaseTest {

    @Test
    void theBaselinesWriteToADatabaseBesideTheLedgers() {
        assertThat(RawDatabase.besideOf("jdbc:h2:file:./data/ledger;MODE=MySQL;DATABASE_TO_LOWER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/ledger_bench;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
        assertThat(RawDatabase.besideOf("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test_bench");
        assertThat(RawDatabase.besideOf("jdbc:mysql://127.0.0.1:3306/fupin_510824?characterEncoding=UTF-8"))
                .isEqualTo("jdbc:mysql://127.0.0.1:3306/fupin_510824_bench?characterEncoding=UTF-8"
                        + "&createDatabaseIfNotExist=true");
        assertThat(RawDatabase.besideOf("jdbc:mysql://db/ledger"))
                .isEqualTo("jdbc:mysql://db/ledger_bench?createDatabaseIfNotExist=true");
    }

    @Test
    void aMysqlBaselineDatabaseIsNamedSoThatItCanBeDroppedAfter() {
        assertThat(RawDatabase.databaseNameOf("jdbc:mysql://db/ledger_x_bench?createDatabaseIfNotExist=true"))
                .isEqualTo("ledger_x_bench");
        assertThat(RawDatabase.databaseNameOf("jdbc:h2:mem:test_bench")).isNull();
        assertThatThrownBy(() -> RawDatabase.databaseNameOf("jdbc:mysql://db/a`b_bench"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBatchInsertStoresItsRowsInOneTransactionAndDropsItsTableAfter() throws Exception {
        // DB_CLOSE_DELAY keeps the in-memory database after the baseline's connections close, to look at it after.
        String ledger = "jdbc:h2:mem:raw_database_test;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        RawDatabase raw = new RawDatabase(ledger, "sa", "");

        assertThat(raw.batchInsertSeconds(2_345, "GRANT-BENCH-")).isPositive();

        try (Connection connection = DriverManager.getConnection(RawDatabase.besideOf(ledger), "sa", "");
             ResultSet tables = connection.createStatement().executeQuery("SELECT COUNT(*) FROM"
                     + " information_schema.tables WHERE LOWER(table_name) = 'bench_raw_event'")) {
            tables.next();
            assertThat(tables.getLong(1)).isZero();
        }
    }

    @Test
    void aUrlWithoutADatabaseOrOfAnotherEngineIsRefused() {
        assertThatThrownBy(() -> RawDatabase.besideOf("jdbc:mysql://db/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RawDatabase.besideOf("jdbc:postgresql://db/ledger"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
