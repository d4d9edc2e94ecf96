package cn.fupin.ledger.ops.county;

import cn.fupin.ledger.ops.LedgerApplication;
import cn.fupin.ledger.ops.testing.LedgerTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger refuses to start unless it knows which county it serves (issue 11, item 8): no county, a code that is
 * not a county of a shipped gazetteer, no supervision phone outside the demo, or the demo's Cangxi data for another
 * county.
 */
class CountyConfigurationTest {

    static void start(String profile, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--ledger.personal-data.key=" + LedgerTest.PERSONAL_DATA_KEY));
        arguments.addAll(List.of(settings));
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--ledger.demo.load-data="))) {
            arguments.add("--ledger.demo.load-data=false");
        }
        new SpringApplicationBuilder(LedgerApplication.class).profiles(profile)
                .run(arguments.toArray(String[]::new)).close();
    }

    /** Settings under which a production ledger would otherwise start: real users, a key, a county and a phone. */
    static String[] production(String... more) {
        List<String> settings = new ArrayList<>(List.of(
                "--ledger.security.users[0].username=wang.li",
                "--ledger.security.users[0].password={bcrypt}" + new BCryptPasswordEncoder(4).encode("q7#Lm2!vX9pR"),
                "--ledger.security.users[0].roles[0]=CLERK"));
        settings.addAll(List.of(more));
        return settings.toArray(String[]::new);
    }

    @Test
    void refusesACodeThatIsNoCountyOfTheGazetteer() {
        assertThatThrownBy(() -> start("demo", "--ledger.county.code=510899"))
                .hasStackTraceContaining("ledger.county.code")
                .hasStackTraceContaining("510899");
        assertThatThrownBy(() -> start("demo", "--ledger.county.code=110101"))
                .hasStackTraceContaining("no gazetteer is shipped for the province of county 110101");
        assertThatThrownBy(() -> start("demo", "--ledger.county.code=5108"))
                .hasStackTraceContaining("6 digits");
    }

    @Test
    void refusesToStartOutsideTheDemoWithoutACounty() {
        assertThatThrownBy(() -> start("production", production(
                "--ledger.disclosure.supervision-phone=0839-1234567")))
                .hasStackTraceContaining("ledger.county.code is not set");
    }

    @Test
    void refusesToStartOutsideTheDemoWithoutASupervisionPhone() {
        assertThatThrownBy(() -> start("production", production("--ledger.county.code=510802")))
                .hasStackTraceContaining("ledger.disclosure.supervision-phone is not set");
    }

    @Test
    void refusesToLoadCangxisDemoDataIntoAnotherCounty() {
        assertThatThrownBy(() -> start("demo", "--ledger.county.code=510802", "--ledger.demo.load-data=true"))
                .hasStackTraceContaining("the demo data are Cangxi's");
    }
}
