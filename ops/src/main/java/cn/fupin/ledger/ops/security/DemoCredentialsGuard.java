package cn.fupin.ledger.ops.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile the ledger refuses to start while any demo user or any default password is
 * configured, or while no user is: real money must not sit behind {@code clerk:demo}. The demo users are every user
 * the demo profile's own file ({@value #DEMO_PROFILE_FILE}) defines, read from it, so that a demo user added there
 * is refused elsewhere without anyone remembering to list it here; the users API.md names are refused besides.
 */
@Component
class DemoCredentialsGuard implements InitializingBean {

    static final String DEMO_PROFILE_FILE = "application-demo.yml";
    private static final Pattern USERNAME_KEY = Pattern.compile("ledger\\.security\\.users\\[\\d+]\\.username");
    static final Set<String> DEMO_USERS = demoUsers();
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

    /** The user names the demo profile's file defines, in the file's order; fails when the file cannot be read. */
    static List<String> demoProfileUsers() {
        ClassPathResource file = new ClassPathResource(DEMO_PROFILE_FILE);
        if (!file.exists()) {
            throw new IllegalStateException("the demo profile's file " + DEMO_PROFILE_FILE + " is missing");
        }
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(file);
        Properties properties = Objects.requireNonNull(yaml.getObject());
        List<String> users = new ArrayList<>();
        properties.stringPropertyNames().stream()
                .filter(key -> USERNAME_KEY.matcher(key).matches())
                .sorted(Comparator.comparingInt(key -> Integer.parseInt(key.replaceAll("\\D", ""))))
                .forEach(key -> users.add(properties.getProperty(key)));
        if (users.isEmpty()) {
            throw new IllegalStateException("the demo profile's file " + DEMO_PROFILE_FILE + " defines no users");
        }
        return List.copyOf(users);
    }

    private static Set<String> demoUsers() {
        Set<String> users = new TreeSet<>(List.of("clerk", "clerk2", "approver", "auditor", "reviewer", "township"));
        users.addAll(demoProfileUsers());
        return Set.copyOf(users);
    }

    private boolean matches(String candidate, String encoded) {
        try {
            return encoder.matches(candidate, encoded);
        } catch (IllegalArgumentException unknownEncoding) {
            return false;
        }
    }
}
