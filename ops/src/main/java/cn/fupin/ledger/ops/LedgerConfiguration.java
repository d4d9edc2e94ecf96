package cn.fupin.ledger.ops;

import cn.fupin.ledger.shared.workarea.WorkAreas;

import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.ops.clock.DemoClock;
import cn.fupin.ledger.ops.demo.DemoHistory;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The ledger's clock, the county it serves and the plan's work areas. */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    /**
     * Every decision and every event timestamp reads time from this clock, never from {@code Instant.now()}. Outside
     * the demo profile it is the system clock.
     */
    @Bean
    @Profile("!demo")
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * In the demo profile the system clock plus an offset that {@code POST /api/demo/clock} moves forward, kept in
     * the database so that a restart keeps it (API.md, "Demo profile only"). When the demo county is loaded, a fresh
     * ledger's clock starts where the county's history does (early 2015) and the loader walks it to the present.
     */
    @Bean
    @Profile("demo")
    DemoClock demoClock(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                        @Value("${ledger.demo.load-data:false}") boolean loadData,
                        @Value("${ledger.demo.clock-starts-at:}") String startsAt) {
        // The county generator (profile generate) starts a fresh ledger's clock at the beginning of its first year.
        Instant start = loadData ? DemoHistory.START
                : startsAt.isBlank() ? null : OffsetDateTime.parse(startsAt.strip()).toInstant();
        return new DemoClock(Clock.systemUTC(), jdbc, transactionManager, start);
    }

    /**
     * db-scheduler, which fires the persistent deadlines (a round's submissions, a notice's period), asks this clock
     * which are due, so that a deadline fires when the ledger's clock reaches it, also after the demo clock moved.
     */
    @Bean
    com.github.kagkarlsson.scheduler.Clock schedulerClock(Clock clock) {
        return clock::instant;
    }

    /**
     * The county the ledger serves ({@code ledger.county.code}, its 6-digit division code), with its townships and
     * villages from the gazetteer shipped for its province. There is no default outside the demo profile: a ledger
     * that does not say which county it serves, or names a code the gazetteer does not know, refuses to start.
     */
    @Bean
    Gazetteer gazetteer(@Value("${ledger.county.code:}") String countyCode) {
        if (countyCode.isBlank()) {
            throw new IllegalStateException("ledger.county.code is not set: name the county this ledger serves by its "
                    + "6-digit division code (统计用区划代码), e.g. ledger.county.code=510824");
        }
        try {
            return Gazetteer.forCounty(countyCode.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ledger.county.code: " + e.getMessage(), e);
        }
    }

    /** The plan's key work areas with their lead departments (reference data shipped with the ledger). */
    @Bean
    WorkAreas workAreas() {
        return WorkAreas.standard();
    }
}
