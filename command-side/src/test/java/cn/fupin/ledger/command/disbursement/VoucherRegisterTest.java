package cn.fupin.ledger.command.disbursement;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The voucher register on the table of the Flyway script V6, in H2's MySQL mode. */
class VoucherRegisterTest {

    static final Instant NOW = Instant.parse("2016-05-04T02:00:00.123456Z");
    static final String VOUCHER = "苍扶拨〔2016〕1号";

    NamedParameterJdbcTemplate jdbc;
    TransactionTemplate transaction;
    VoucherRegister vouchers;

    @BeforeEach
    void database() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:vouchers-" + System.nanoTime() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new FileSystemResource(
                Path.of("../ops/src/main/resources/db/migration/V6__vouchers.sql"))).execute(dataSource);
        jdbc = new NamedParameterJdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        vouchers = new VoucherRegister(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aRegisteredVoucherIsHeldByItsHolderSinceTheLedgersClock() {
        vouchers.register(Map.of(VOUCHER, "DSB-2016-0001"));

        assertThat(vouchers.holders(List.of(VOUCHER, "苍扶拨〔2016〕2号"))).isEqualTo(Map.of(VOUCHER, "DSB-2016-0001"));
        assertThat(jdbc.queryForObject("SELECT registered_at FROM voucher_register", Map.of(), LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2016, 5, 4, 2, 0, 0, 123_456_000));
    }

    @Test
    void noVoucherIsHeldInAnEmptyRegister() {
        assertThat(vouchers.holders(List.of(VOUCHER))).isEmpty();
    }

    @Test
    void manyVouchersAreLookedUpInPartsOfFiveHundred() {
        vouchers.register(Map.of("V-0000", "GB-2016-0001", "V-1200", "DSB-2016-1200"));

        List<String> asked = IntStream.rangeClosed(0, 1200).mapToObj("V-%04d"::formatted).toList();
        assertThat(vouchers.holders(asked)).isEqualTo(Map.of("V-0000", "GB-2016-0001", "V-1200", "DSB-2016-1200"));
    }

    @Test
    void aVoucherRegisteredMeanwhileByAnotherRequestIsALostRaceToRunAgain() {
        vouchers.register(Map.of(VOUCHER, "DSB-2016-0001"));

        assertThatThrownBy(() -> vouchers.register(Map.of(VOUCHER, "DSB-2016-0002")))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(vouchers.holders(List.of(VOUCHER))).isEqualTo(Map.of(VOUCHER, "DSB-2016-0001"));
    }

    @Test
    void aTransactionRolledBackLeavesNoVoucher() {
        transaction.executeWithoutResult(status -> {
            vouchers.register(Map.of(VOUCHER, "DSB-2016-0001"));
            status.setRollbackOnly();
        });

        assertThat(vouchers.holders(List.of(VOUCHER))).isEmpty();
    }
}
