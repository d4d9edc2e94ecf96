package cn.fupin.ledger.ops.schema;

import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.spi.MappingMetamodelImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate never generates or validates the schema here (Flyway owns it, and Hibernate's validator rejects the
 * LONGBLOB columns MySQL needs). This test does the validation itself, on whichever database the suite runs on
 * (H2 by default, MariaDB with -Pmysql): every table and column that any JPA entity maps — ours and Axon's — exists
 * after the migrations, with a type of the same family, at least as long, and NOT NULL where the entity needs it.
 */
@LedgerTest
class SchemaMatchesEntitiesTest {

    private static final Set<Integer> NUMBERS = Set.of(Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT,
            Types.NUMERIC, Types.DECIMAL, Types.BIT, Types.BOOLEAN);
    private static final Set<Integer> TEXT = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NVARCHAR, Types.NCHAR, Types.LONGNVARCHAR, Types.NCLOB, SqlTypes.ENUM, SqlTypes.NAMED_ENUM);
    private static final Set<Integer> BINARY = Set.of(Types.BLOB, Types.LONGVARBINARY, Types.VARBINARY, Types.BINARY);
    private static final Set<Integer> TIME = Set.of(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE, Types.TIME,
            SqlTypes.TIMESTAMP_UTC);

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    DataSource dataSource;

    record Column(String table, String name, int jdbcType, boolean nullable, Long length) {
    }

    record DatabaseColumn(int jdbcType, String typeName, int size, boolean nullable) {
    }

    @Test
    void everyColumnThatAnEntityMapsExistsWithACompatibleType() throws SQLException {
        List<Column> needed = entityColumns();
        assertThat(needed).extracting(Column::table)
                .contains("domain_event_entry", "token_entry", "saga_entry", "association_value_entry",
                        "snapshot_event_entry", "dead_letter_entry", "fund_view", "household_view");

        List<String> problems = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Map<String, DatabaseColumn>> actual = databaseColumns(connection);
            for (Column column : needed) {
                Map<String, DatabaseColumn> table = actual.get(column.table().toLowerCase(Locale.ROOT));
                if (table == null) {
                    problems.add("missing table " + column.table());
                    continue;
                }
                DatabaseColumn found = table.get(column.name().toLowerCase(Locale.ROOT));
                if (found == null) {
                    problems.add("missing column " + column.table() + "." + column.name());
                    continue;
                }
                if (!sameFamily(column.jdbcType(), found.jdbcType())) {
                    problems.add(column.table() + "." + column.name() + " is " + found.typeName()
                            + " but the entity needs JDBC type " + column.jdbcType());
                }
                if (TEXT.contains(found.jdbcType()) && column.length() != null && found.size() < column.length()
                        && found.jdbcType() != Types.CLOB) {
                    problems.add(column.table() + "." + column.name() + " holds " + found.size()
                            + " characters but the entity allows " + column.length());
                }
                if (!column.nullable() && found.nullable()) {
                    problems.add(column.table() + "." + column.name() + " must be NOT NULL");
                }
                if (BINARY.contains(found.jdbcType()) && TestDatabase.onMysql()
                        && !found.typeName().equalsIgnoreCase("LONGBLOB")) {
                    problems.add(column.table() + "." + column.name() + " is " + found.typeName()
                            + "; MySQL needs LONGBLOB (a BLOB holds only 64 KiB)");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * The store of rendered public pages has no entity (the page store writes it with plain SQL, see
     * {@code PageStore}): its columns are checked here by hand, with the same rules.
     */
    @Test
    void theStoreOfPublicPagesHasEveryColumnItsStatementsUse() throws SQLException {
        Map<String, Integer> needed = Map.of("path", Types.VARCHAR, "content", Types.LONGVARBINARY,
                "content_sha256", Types.VARCHAR, "content_type", Types.VARCHAR, "linked_notices", Types.CLOB,
                "event_index", Types.BIGINT, "rendered_at", Types.TIMESTAMP, "renderer", Types.VARCHAR);
        List<String> problems = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            Map<String, DatabaseColumn> table = databaseColumns(connection).getOrDefault("public_page", Map.of());
            needed.forEach((name, type) -> {
                DatabaseColumn found = table.get(name);
                if (found == null) {
                    problems.add("missing column public_page." + name);
                } else if (!sameFamily(type, found.jdbcType())) {
                    problems.add("public_page." + name + " is " + found.typeName());
                } else if (found.nullable()) {
                    problems.add("public_page." + name + " must be NOT NULL");
                }
            });
            if (table.containsKey("path") && table.get("path").size() < 200) {
                problems.add("public_page.path holds fewer than 200 characters");
            }
            if (table.containsKey("content") && TestDatabase.onMysql()
                    && !table.get("content").typeName().equalsIgnoreCase("LONGBLOB")) {
                problems.add("public_page.content must be LONGBLOB on MySQL");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void eventGlobalIndexesAreAssignedByTheDatabaseOneByOne() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet columns = connection.getMetaData().getColumns(connection.getCatalog(), null,
                     storedName(connection, "domain_event_entry"), storedName(connection, "global_index"))) {
            assertThat(columns.next()).isTrue();
            assertThat(columns.getString("IS_AUTOINCREMENT")).isEqualTo("YES");
        }
    }

    @Test
    void hibernateLeavesEventAndAssociationIdsToTheDatabase() {
        MappingMetamodelImplementor metamodel = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel();
        for (String entity : List.of("org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry",
                "org.axonframework.modelling.saga.repository.jpa.AssociationValueEntry")) {
            assertThat(metamodel.getEntityDescriptor(entity).getGenerator())
                    .as("id generation of %s (META-INF/orm.xml)", entity)
                    .isInstanceOf(org.hibernate.id.IdentityGenerator.class);
        }
    }

    private List<Column> entityColumns() {
        MappingMetamodelImplementor metamodel = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel();
        List<Column> columns = new ArrayList<>();
        metamodel.forEachEntityDescriptor((EntityPersister persister) -> {
            persister.getIdentifierMapping().forEachSelectable((index, selectable) -> columns.add(column(selectable)));
            persister.forEachSelectable((index, selectable) -> columns.add(column(selectable)));
        });
        return columns;
    }

    private static Column column(SelectableMapping selectable) {
        return new Column(selectable.getContainingTableExpression(), selectable.getSelectionExpression(),
                selectable.getJdbcMapping().getJdbcType().getDdlTypeCode(), selectable.isNullable(), selectable.getLength());
    }

    private static Map<String, Map<String, DatabaseColumn>> databaseColumns(Connection connection) throws SQLException {
        Map<String, Map<String, DatabaseColumn>> tables = new HashMap<>();
        DatabaseMetaData metadata = connection.getMetaData();
        String schema = TestDatabase.onMysql() ? null : connection.getSchema();
        try (ResultSet rs = metadata.getColumns(connection.getCatalog(), schema, "%", "%")) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT), t -> new HashMap<>())
                        .put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), new DatabaseColumn(
                                rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"),
                                rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
            }
        }
        return tables;
    }

    private static boolean sameFamily(int entityType, int databaseType) {
        return (NUMBERS.contains(entityType) && NUMBERS.contains(databaseType))
                || (TEXT.contains(entityType) && TEXT.contains(databaseType))
                || (BINARY.contains(entityType) && BINARY.contains(databaseType))
                || (TIME.contains(entityType) && TIME.contains(databaseType))
                || entityType == databaseType;
    }

    private static String storedName(Connection connection, String name) throws SQLException {
        return connection.getMetaData().storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }
}
