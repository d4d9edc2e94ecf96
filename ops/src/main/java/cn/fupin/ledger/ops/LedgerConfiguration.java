package cn.fupin.ledger.ops;

import cn.fupin.ledger.shared.place.Gazetteer;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger's clock and the county it serves. */
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
}
