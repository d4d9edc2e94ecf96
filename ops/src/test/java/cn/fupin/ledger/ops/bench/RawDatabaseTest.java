package cn.fupin.ledger.ops.bench;

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
    void aUrlWithoutADatabaseOrOfAnotherEngineIsRefused() {
        assertThatThrownBy(() -> RawDatabase.besideOf("jdbc:mysql://db/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RawDatabase.besideOf("jdbc:postgresql://db/ledger"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
