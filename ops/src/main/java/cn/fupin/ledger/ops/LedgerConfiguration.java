package cn.fupin.ledger.ops;

import cn.fupin.ledger.shared.workarea.WorkAreas;

import cn.fupin.ledger.shared.place.Gazetteer;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger's clock, the county it serves and the plan's work areas. */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    /** Every decision and every event timestamp reads time from this clock, never from {@code Instant.now()}. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Gazetteer gazetteer(@Value("${ledger.county-code:510824}") String countyCode) {
        return Gazetteer.forCounty(countyCode);
    }

    /** The plan's key work areas with their lead departments (reference data shipped with the ledger). */
    @Bean
    WorkAreas workAreas() {
        return WorkAreas.standard();
    }
}
