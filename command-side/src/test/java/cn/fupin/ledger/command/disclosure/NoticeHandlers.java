package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.shared.place.Gazetteer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The notice handlers of this package as the application wires them, for in-memory ledgers of other packages: the
 * Notice aggregate, publishing, filing and resolving objections, and the publicity hold, with the notice index on the
 * test's database (made by the Flyway script V8 itself).
 */
public final class NoticeHandlers {

    public static final Path V8 = Path.of("../ops/src/main/resources/db/migration/V8__notices.sql");

    private NoticeHandlers() {
    }

    /** Creates the tables of V8 (the notice index among them) in the database. */
    public static void createTables(DataSource dataSource) {
        new ResourceDatabasePopulator(new FileSystemResource(V8)).execute(dataSource);
    }

    /**
     * Registers the notice aggregate and its handlers with the configured period; {@code withdrawal} is what an upheld
     * objection does to the item it names.
     */
    public static void register(Configurer configurer, NamedParameterJdbcTemplate jdbc, Clock clock, int periodDays,
                                Gazetteer gazetteer, Function<Configuration, ItemWithdrawal> withdrawal) {
        NoticeItems items = new NoticeItems(jdbc);
        DisclosurePolicy policy = new DisclosurePolicy(periodDays);
        configurer.configureAggregate(Notice.class)
                .registerComponent(Clock.class, c -> clock)
                .registerCommandHandler(c -> new NoticePublisher(Notices.of(c), items, policy, gazetteer, clock))
                .registerCommandHandler(c -> new ObjectionFiler(Notices.of(c), items,
                        c.getComponent(cn.fupin.ledger.command.privacy.PersonalDataCipher.class), clock))
                .registerCommandHandler(c -> new ObjectionResolver(Notices.of(c), withdrawal.apply(c)))
                .registerCommandHandler(c -> new ObjectionDismisser(Notices.of(c)));
    }

    /** The hold as the approvers use it. */
    public static PublicityHold hold(Configuration axon, NamedParameterJdbcTemplate jdbc, Clock clock) {
        return new PublicityHold(axon, new NoticeItems(jdbc), clock);
    }
}
