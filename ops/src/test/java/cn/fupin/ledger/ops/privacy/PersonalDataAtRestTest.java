package cn.fupin.ledger.ops.privacy;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Households.Row;
import cn.fupin.ledger.ops.testing.LedgerTest;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.fupin.ledger.ops.testing.Households.csv;
import static cn.fupin.ledger.ops.testing.Households.household;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ID numbers and bank card numbers never rest in plain text: not in any column of any table of the database (events,
 * their metadata, idempotency records, the uniqueness index, the read models, Axon's own tables), and not in the
 * application's log. The ID number is also looked for without its check character, which identifies a person just
 * as well. The log is read with the ledger's own loggers and those of the frameworks that handle its objects (web,
 * security, Axon, JDBC, SQL) at DEBUG, as somebody troubleshooting would set them; Tomcat's wire dumps are left out,
 * since they copy raw request bytes whatever the application does. Households 4000-4999 belong to this class.
 */
@LedgerTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataAtRestTest {

    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(15);
    private static final String CELL = "\u0001";
    private static final String ROW = "\u0002\n";
    private static final List<String> TROUBLESHOOTING_LOGGERS = List.of("cn.fupin.ledger", "org.axonframework",
            "org.springframework.web", "org.springframework.security", "org.springframework.jdbc",
            "org.springframework.transaction", "org.hibernate.SQL");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LoggingSystem logging;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void noIdNumberOrBankCardIsStoredOrLoggedInPlainText(CapturedOutput log) {
        Row first = household(4001);
        Row migrant = household(4002).withMigrant("是").withVillageCode(Households.YANFENGLOU);
        Row third = household(4003).withMembers("7");
        List<Row> imported = List.of(first, migrant, third);
        Row refusedGood = household(4004);
        Row refusedBadLuhn = household(4005).withBankCard(Households.withWrongLuhnDigit(Households.bankCard(4005)));
        Row refusedBadCheck = household(4006).withIdNumber(Households.withWrongCheckCharacter(Households.idNumber(4006)));
        Row refusedTakenId = household(4007).withIdNumber(first.idNumber());

        Api.Response accepted;
        Api.Response replayed;
        Api.Response refused;
        Api.Response exited;
        Api.Response audited;
        Map<String, LogLevel> configured = atDebug();
        try {
            accepted = api.as("clerk").header("Idempotency-Key", "at-rest-4000")
                    .postCsv("/api/households/imports", csv(first, migrant, third));
            replayed = api.as("clerk").header("Idempotency-Key", "at-rest-4000")
                    .postCsv("/api/households/imports", csv(first, migrant, third));
            refused = api.as("clerk").header("Idempotency-Key", "at-rest-4004")
                    .postCsv("/api/households/imports", csv(refusedGood, refusedBadLuhn, refusedBadCheck, refusedTakenId));
            for (Row row : imported) {
                await().atMost(READ_MODEL_WAIT).untilAsserted(() ->
                        assertThat(api.as("clerk").get("/api/households/" + row.cardNo()).status()).isEqualTo(200));
            }
            exited = api.as("clerk").post("/api/households/" + third.cardNo() + "/exit",
                    "{\"year\": 2016, \"reason\": \"脱贫\"}");
            audited = api.as("auditor").get("/api/households/" + first.cardNo() + "?reason=audit");
            await().atMost(READ_MODEL_WAIT).untilAsserted(() ->
                    assertThat(api.as("clerk").get("/api/households/" + third.cardNo()).json().path("status").asText())
                            .isEqualTo("EXITED"));
            LoggerFactory.getLogger(PersonalDataAtRestTest.class).debug("at-rest-log-marker-4000");
        } finally {
            configured.forEach(logging::setLogLevel);
        }

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("imported").asInt()).isEqualTo(3);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(exited.status()).as(exited.toString()).isEqualTo(200);
        assertThat(audited.json().path("idNumber").asText()).as("the auditor's view is plain").isEqualTo(first.idNumber());

        List<String> secrets = new ArrayList<>();
        for (Row row : List.of(first, migrant, third, refusedGood, refusedBadLuhn, refusedBadCheck)) {
            secrets.add(row.idNumber());
            secrets.add(row.idNumber().substring(0, 17));
            secrets.add(row.bankCard());
        }

        Map<String, String> tables = everyTable();

        assertThat(tables.keySet()).contains("domain_event_entry", "idempotency_record", "personal_data_index",
                "household_view", "household_status_change", "token_entry", "flyway_schema_history");
        // The dump reads what it should: the events, the index, the idempotency record and the read model are in it.
        assertThat(tables.get("domain_event_entry")).contains("T-4001", "HouseholdRegisteredEvent",
                "HouseholdPersonalDataViewedEvent", "\"actor\":\"clerk\"", "\"actor\":\"auditor\"",
                "idNumberCiphertext", first.idNumberMasked());
        assertThat(tables.get("personal_data_index")).contains("T-4001", "T-4002", "T-4003", "ID_NUMBER", "BANK_CARD");
        assertThat(tables.get("idempotency_record")).contains("clerk", "at-rest-4000", "imported").doesNotContain("at-rest-4004");
        assertThat(tables.get("household_view")).contains("T-4002", migrant.idNumberMasked(), migrant.bankCardMasked());
        assertThat(tables.get("household_status_change")).contains("T-4003", "EXITED");
        List<String> storedInPlainText = new ArrayList<>();
        tables.forEach((table, text) -> secrets.stream().filter(text::contains)
                .forEach(secret -> storedInPlainText.add(table + " holds " + secret)));
        assertThat(storedInPlainText).as("personal numbers stored in plain text").isEmpty();

        assertThat(log.getAll()).as("the capture sees the application's log at DEBUG").contains("at-rest-log-marker-4000");
        assertThat(log.getAll()).as("Spring MVC wrote the auditor's answer to the log, masked")
                .contains("HouseholdView[cardNo=T-4001", "idNumber=" + first.idNumberMasked());
        assertThat(log.getAll().lines().filter(line -> secrets.stream().anyMatch(line::contains)).toList())
                .as("log lines with a personal number in plain text").isEmpty();
    }

    /** Sets the troubleshooting loggers to DEBUG and answers the levels they had, for putting back. */
    private Map<String, LogLevel> atDebug() {
        Map<String, LogLevel> configured = new HashMap<>();
        for (String name : TROUBLESHOOTING_LOGGERS) {
            LoggerConfiguration configuration = logging.getLoggerConfiguration(name);
            configured.put(name, configuration == null ? null : configuration.getConfiguredLevel());
            logging.setLogLevel(name, LogLevel.DEBUG);
        }
        return configured;
    }

    /** Every table of the application's database, each as the text of all its rows and cells (bytes as Latin-1). */
    private Map<String, String> everyTable() {
        return jdbc.execute((ConnectionCallback<Map<String, String>>) connection -> {
            Map<String, String> tables = new TreeMap<>();
            for (String table : tableNames(connection)) {
                tables.put(table.toLowerCase(Locale.ROOT), dump(connection, table));
            }
            return tables;
        });
    }

    private static List<String> tableNames(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
            while (tables.next()) {
                String type = tables.getString("TABLE_TYPE");
                if (type != null && type.toUpperCase(Locale.ROOT).contains("TABLE")
                        && !type.toUpperCase(Locale.ROOT).contains("SYSTEM")) {
                    names.add(tables.getString("TABLE_NAME"));
                }
            }
        }
        return names;
    }

    private static String dump(Connection connection, String table) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    text.append(cell(rows.getObject(column))).append(CELL);
                }
                text.append(ROW);
            }
        }
        return text.toString();
    }

    private static String cell(Object value) throws SQLException {
        if (value == null) {
            return "";
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.ISO_8859_1);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value.toString();
    }
}
