package cn.fupin.ledger.ops.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of a test's own. On H2 (the default) an in-memory database in MySQL mode; with
 * {@code -Pmysql} (system property {@code ledger.test.database=mysql}) a fresh utf8mb4 database on the MariaDB/MySQL
 * server at 127.0.0.1:3306, created here and dropped by {@link #drop()}. Nothing is optional: if the server is not
 * there, the test fails.
 */
public final class TestDatabase {

    public static final String MYSQL_SERVER = System.getProperty("ledger.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
    public static final String MYSQL_USER = System.getProperty("ledger.test.mysql.user", "root");
    public static final String MYSQL_PASSWORD = System.getProperty("ledger.test.mysql.password", "");

    private final String name;
    private final boolean mysql;
    private final boolean file;

    private TestDatabase(String name, boolean mysql, boolean file) {
        this.name = name;
        this.mysql = mysql;
        this.file = file;
    }

    public static boolean onMysql() {
        return "mysql".equalsIgnoreCase(System.getProperty("ledger.test.database", "h2"));
    }

    /** A new empty database; on H2 in memory (gone with the JVM). */
    public static TestDatabase create() {
        return create(false);
    }

    /**
     * A new empty database that outlives a closed application context: on H2 a file under {@code target/h2}, on
     * MariaDB a database as always. For restart tests.
     */
    public static TestDatabase createDurable() {
        return create(true);
    }

    private static TestDatabase create(boolean durable) {
        String name = "ledger_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 12);
        TestDatabase database = new TestDatabase(name, onMysql(), durable && !onMysql());
        if (database.mysql) {
            database.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return database;
    }

    public String name() {
        return name;
    }

    public String url() {
        if (mysql) {
            return MYSQL_SERVER + name + "?characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci";
        }
        String mode = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_ON_EXIT=FALSE";
        return file ? "jdbc:h2:file:./target/h2/" + name + mode : "jdbc:h2:mem:" + name + mode + ";DB_CLOSE_DELAY=-1";
    }

    /** The Spring properties that point an application at this database. */
    public Map<String, Object> properties() {
        if (mysql) {
            return Map.ofEntries(Map.entry("spring.datasource.url", url()),
                    Map.entry("spring.datasource.username", MYSQL_USER),
                    Map.entry("spring.datasource.password", MYSQL_PASSWORD),
                    Map.entry("spring.jpa.database-platform", "org.hibernate.dialect.MySQLDialect"),
                    // as application-mysql.yml: MariaDB reports "5.5.5-10.11…", which Hibernate would take for MySQL 5.5
                    Map.entry("spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access", "false"),
                    Map.entry("spring.jpa.properties.jakarta.persistence.database-product-name", "MySQL"),
                    Map.entry("spring.jpa.properties.jakarta.persistence.database-major-version", "8"),
                    Map.entry("spring.jpa.properties.jakarta.persistence.database-minor-version", "0"),
                    // as application-mysql.yml: the driver caches its parse of each statement, tracks session state,
                    // and sends a batch of inserts as one statement
                    Map.entry("spring.datasource.hikari.data-source-properties.cachePrepStmts", "true"),
                    Map.entry("spring.datasource.hikari.data-source-properties.prepStmtCacheSize", "250"),
                    Map.entry("spring.datasource.hikari.data-source-properties.prepStmtCacheSqlLimit", "2048"),
                    Map.entry("spring.datasource.hikari.data-source-properties.useLocalSessionState", "true"),
                    Map.entry("spring.datasource.hikari.data-source-properties.rewriteBatchedStatements", "true"));
        }
        return Map.of("spring.datasource.url", url(), "spring.datasource.username", "sa", "spring.datasource.password", "");
    }

    public void drop() {
        if (mysql) {
            execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(MYSQL_SERVER, MYSQL_USER, MYSQL_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB/MySQL at " + MYSQL_SERVER + " is required for -Pmysql: " + e.getMessage(), e);
        }
    }
}
