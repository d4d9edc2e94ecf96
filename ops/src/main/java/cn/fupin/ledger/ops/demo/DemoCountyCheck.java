package cn.fupin.ledger.ops.demo;

import cn.fupin.ledger.shared.place.Gazetteer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's data are Cangxi's (苍溪县, 510824): its villages, document numbers and supervision phone. A demo load for
 * another county would record Cangxi's villages in a county that has none, so the ledger refuses to start instead.
 * Another county can run the demo profile without its data ({@code ledger.demo.load-data=false}).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "ledger.demo.load-data", havingValue = "true")
class DemoCountyCheck {

    static final String DEMO_COUNTY = "510824";

    DemoCountyCheck(Gazetteer gazetteer) {
        if (!DEMO_COUNTY.equals(gazetteer.county().code())) {
            throw new IllegalStateException("the demo data are Cangxi's (ledger.county.code=" + DEMO_COUNTY + "); "
                    + "this ledger serves " + gazetteer.county().code() + " " + gazetteer.county().name()
                    + ": set ledger.demo.load-data=false or leave the demo profile");
        }
    }
}
