package cn.fupin.ledger.ops.security;

import cn.fupin.ledger.ops.LedgerApplication;
import cn.fupin.ledger.ops.security.StaffProperties.Role;
import cn.fupin.ledger.ops.testing.LedgerTest;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoCredentialsGuardTest {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static String bcrypt(String password) {
        return "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
    }

    private static DemoCredentialsGuard guard(String profile, StaffProperties.User... users) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profile);
        return new DemoCredentialsGuard(environment, new StaffProperties(List.of(users)), ENCODER);
    }

    private static StaffProperties.User user(String name, String password) {
        return new StaffProperties.User(name, password, List.of(Role.CLERK), null);
    }

    @Test
    void realUsersWithStrongPasswordsStartOutsideTheDemo() {
        assertThatCode(() -> guard("production", user("wang.li", bcrypt("q7#Lm2!vX9pR"))).afterPropertiesSet())
                .doesNotThrowAnyException();
    }

    @Test
    void theDemoProfileMayUseDemoUsers() {
        assertThatCode(() -> guard("demo", user("clerk", "{noop}demo")).afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Nested
    class OutsideTheDemoTheLedgerRefusesToStart {

        @Test
        void withADemoUser() {
            assertThatThrownBy(() -> guard("production", user("clerk", bcrypt("q7#Lm2!vX9pR"))).afterPropertiesSet())
                    .hasMessageContaining("'clerk' is a demo user");
        }

        /** Every user the demo profile defines, read from the profile's own file, so that none can be missed. */
        @Test
        void withAnyUserOfTheDemoProfileWhateverItsPassword() {
            List<String> demoUsers = DemoCredentialsGuard.demoProfileUsers();
            org.assertj.core.api.Assertions.assertThat(demoUsers).contains("clerk", "clerk2", "approver", "auditor",
                    "reviewer", "township", "township2", "reviewer2", "deputy", "liaison");
            for (String name : demoUsers) {
                assertThatThrownBy(() -> guard("production", user(name, bcrypt("q7#Lm2!vX9pR"))).afterPropertiesSet())
                        .as(name).hasMessageContaining("'" + name + "' is a demo user");
            }
        }

        @Test
        void withADefaultPasswordEvenWhenEncoded() {
            assertThatThrownBy(() -> guard("production", user("wang.li", bcrypt("demo"))).afterPropertiesSet())
                    .hasMessageContaining("default password");
            assertThatThrownBy(() -> guard("production", user("wang.li", bcrypt("changeme"))).afterPropertiesSet())
                    .hasMessageContaining("default password");
        }

        @Test
        void withAnUnencodedPassword() {
            assertThatThrownBy(() -> guard("production", user("wang.li", "{noop}q7#Lm2!vX9pR")).afterPropertiesSet())
                    .hasMessageContaining("unencoded password");
        }

        @Test
        void withNoUsersAtAll() {
            assertThatThrownBy(() -> guard("production").afterPropertiesSet()).hasMessageContaining("no users");
        }

        @Test
        void whenTheWholeApplicationIsStartedWithTheDemoUsersUnderAnotherProfile() {
            assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApplication.class)
                    .profiles("production")
                    .run("--server.port=0",
                            "--ledger.personal-data.key=" + LedgerTest.PERSONAL_DATA_KEY,
                            "--ledger.county.code=510824",
                            "--ledger.disclosure.supervision-phone=0839-5222000",
                            "--ledger.security.users[0].username=clerk",
                            "--ledger.security.users[0].password={noop}demo",
                            "--ledger.security.users[0].roles[0]=CLERK").close())
                    .hasStackTraceContaining("refusing to start outside the demo profile");
        }
    }
}
