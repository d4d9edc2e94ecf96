package cn.fupin.ledger.ops.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile the ledger refuses to start while any demo user or any default password is
 * configured, or while no user is: real money must not sit behind {@code clerk:demo}.
 */
@Component
class DemoCredentialsGuard implements InitializingBean {

    static final Set<String> DEMO_USERS = Set.of("clerk", "clerk2", "approver", "auditor", "reviewer", "township");
    static final List<String> DEFAULT_PASSWORDS = List.of("demo", "password", "admin", "123456", "12345678", "changeme",
            "secret", "test", "");

    private final Environment environment;
    private final StaffProperties staff;
    private final PasswordEncoder encoder;

    DemoCredentialsGuard(Environment environment, StaffProperties staff, PasswordEncoder encoder) {
        this.environment = environment;
        this.staff = staff;
        this.encoder = encoder;
    }

    @Override
    public void afterPropertiesSet() {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (staff.users().isEmpty()) {
            problems.add("no users are configured (ledger.security.users)");
        }
        for (StaffProperties.User user : staff.users()) {
            if (DEMO_USERS.contains(user.username())) {
                problems.add("user '" + user.username() + "' is a demo user");
            }
            String password = user.password() == null ? "" : user.password();
            if (password.startsWith("{noop}")) {
                problems.add("user '" + user.username() + "' has an unencoded password");
            }
            for (String weak : DEFAULT_PASSWORDS) {
                if (!password.isEmpty() && matches(weak, password)) {
                    problems.add("user '" + user.username() + "' has a default password");
                    break;
                }
            }
            if (user.roles().isEmpty()) {
                problems.add("user '" + user.username() + "' has no role");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start outside the demo profile: " + String.join("; ", problems));
        }
    }

    private boolean matches(String candidate, String encoded) {
        try {
            return encoder.matches(candidate, encoded);
        } catch (IllegalArgumentException unknownEncoding) {
            return false;
        }
    }
}
