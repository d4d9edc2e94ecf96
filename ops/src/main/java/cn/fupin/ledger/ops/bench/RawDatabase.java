package cn.fupin.ledger.ops.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Where the harness's baselines write: a database of their own beside the ledger's, on the same engine, disk and
 * server ({@code <ledger's name>_bench}), so that a baseline measures the database and never disturbs the ledger
 * under test (a table created in the ledger's own H2 database waits for, and holds up, its running transactions).
 */
final class RawDatabase {

    static final String TABLE = "CREATE TABLE bench_raw_event (global_index BIGINT AUTO_INCREMENT PRIMARY KEY,"
            + " aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,"
            + " type VARCHAR(255), event_identifier VARCHAR(255) NOT NULL, meta_data LONGBLOB,"
            + " payload LONGBLOB NOT NULL, payload_revision VARCHAR(255), payload_type VARCHAR(255) NOT NULL,"
            + " time_stamp VARCHAR(255) NOT NULL, UNIQUE (event_identifier), UNIQUE (aggregate_identifier, sequence_number))";

    /** About the size of a stored appropriation's payload and metadata. */
    private static final byte[] ROW_PAYLOAD = ("{\"fundId\":\"FUND-510824-2099-DONATION\",\"appropriationId\":\"APPR-510824-"
            + UUID.randomUUID() + "\",\"fiscalYear\":2099,\"source\":\"DONATION\",\"amountFen\":100,"
            + "\"documentNo\":\"BENCH-raw\",\"note\":\"benchmark baseline row of about the size of an event\"}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROW_METADATA = ("{\"actor\":\"clerk\",\"role\":\"CLERK\",\"requestId\":\""
            + UUID.randomUUID() + "\",\"remoteAddress\":\"127.0.0.1\",\"traceId\":\"" + UUID.randomUUID()
            + "\",\"correlationId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
    private static final String INSERT = "INSERT INTO bench_raw_event (aggregate_identifier, sequence_number, type,"
            + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
            + " VALUES (?, ?, 'Fund', ?, ?, ?, '3', 'cn.fupin.ledger.shared.fund.FundsAppropriatedEvent', ?)";

    private final String url;
    private final String user;
    private final String password;
    private final String databaseName;
    private Connection keeper;

    RawDatabase(String ledgerUrl, String user, String password) {
        this.url = besideOf(ledgerUrl);
        this.databaseName = databaseNameOf(url);
        this.user = user;
        this.password = password;
    }

    /**
     * The baselines' database next to the ledger's: H2 {@code jdbc:h2:file:./data/ledger;…} →
     * {@code jdbc:h2:file:./data/ledger_bench;…}; MySQL or MariaDB {@code jdbc:mysql://host/ledger?…} →
     * {@code jdbc:mysql://host/ledger_bench?…&createDatabaseIfNotExist=true}.
     */
    static String besideOf(String ledgerUrl) {
        if (ledgerUrl.startsWith("jdbc:h2:")) {
            int options = ledgerUrl.indexOf(';');
            return options < 0 ? ledgerUrl + "_bench"
                    : ledgerUrl.substring(0, options) + "_bench" + ledgerUrl.substring(options);
        }
        if (ledgerUrl.startsWith("jdbc:mysql:") || ledgerUrl.startsWith("jdbc:mariadb:")) {
            int query = ledgerUrl.indexOf('?');
            String address = query < 0 ? ledgerUrl : ledgerUrl.substring(0, query);
            String parameters = query < 0 ? "" : ledgerUrl.substring(query + 1);
            int slash = address.indexOf('/', address.indexOf("//") + 2);
            if (slash < 0 || slash == address.length() - 1) {
                throw new IllegalArgumentException("the ledger's database URL names no database");
            }
            return address + "_bench?" + (parameters.isEmpty() ? "" : parameters + "&") + "createDatabaseIfNotExist=true";
        }
        throw new IllegalArgumentException("the harness knows H2 and MySQL/MariaDB URLs only");
    }

    /** The MySQL or MariaDB database a baselines' URL names (letters, digits, _ and $ only), or null for H2. */
    static String databaseNameOf(String url) {
        if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
            return null;
        }
        int query = url.indexOf('?');
        String address = query < 0 ? url : url.substring(0, query);
        String name = address.substring(address.lastIndexOf('/') + 1);
        if (!name.matches("[A-Za-z0-9_$]+")) {
            throw new IllegalArgumentException("the baselines' database name is not a plain identifier");
        }
        return name;
    }

    String url() {
        return url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * A fresh, empty {@code bench_raw_event}, on a connection kept open until {@link #dropTable} (an in-memory H2
     * database lives only while a connection to it is open).
     */
    void createTable() throws SQLException {
        keeper = connect();
        try (Statement statement = keeper.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_raw_event");
            statement.execute(TABLE);
        }
    }

    /** Inserts one event-sized row, in the connection's transaction (or its own, under autocommit). */
    static boolean insertRow(Connection connection, String aggregate, long sequence) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bindRow(insert, aggregate, sequence);
            return insert.executeUpdate() == 1;
        }
    }

    private static void bindRow(PreparedStatement insert, String aggregate, long sequence) throws SQLException {
        insert.setString(1, aggregate);
        insert.setLong(2, sequence);
        insert.setString(3, UUID.randomUUID().toString());
        insert.setBytes(4, ROW_METADATA);
        insert.setBytes(5, ROW_PAYLOAD);
        insert.setString(6, "2026-12-04T00:00:00Z");
    }

    /**
     * Seconds to insert {@code rows} event-sized rows (one aggregate each, named {@code <aggregatePrefix><n>}) in one
     * transaction, by JDBC batches of 1,000, into a fresh table dropped again after: the baseline of a command that
     * records many events at once (a register import, a grant batch).
     */
    double batchInsertSeconds(int rows, String aggregatePrefix) throws SQLException {
        createTable();
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int n = 0; n < rows; n++) {
                    bindRow(insert, aggregatePrefix + n, 0);
                    insert.addBatch();
                    if (n % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            try (Statement count = connection.createStatement();
                 var counted = count.executeQuery("SELECT COUNT(*) FROM bench_raw_event")) {
                if (!counted.next() || counted.getLong(1) != rows) {
                    throw new IllegalStateException("the baseline's batch insert did not store its " + rows + " rows");
                }
            }
            return seconds;
        } finally {
            dropTable();
        }
    }

    void dropTable() throws SQLException {
        if (keeper == null) {
            return;
        }
        try (Statement statement = keeper.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_raw_event");
            if (databaseName != null) {
                // the server keeps a database the URL created: drop it, as the ledger's own test databases are
                statement.execute("DROP DATABASE IF EXISTS `" + databaseName + "`");
            }
        } finally {
            keeper.close();
            keeper = null;
        }
    }
}
