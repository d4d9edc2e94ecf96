package cn.fupin.ledger.command.common;

import cn.fupin.ledger.shared.place.Gazetteer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** For web slices: the ledger of Cangxi (510824) making its new ids, as the application configures it. */
@Configuration(proxyBeanMethods = false)
@Import(NewIds.class)
public class CangxiIds {

    @Bean
    Gazetteer gazetteer() {
        return Gazetteer.forCounty("510824");
    }
}
