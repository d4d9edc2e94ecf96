package cn.fupin.ledger.ops.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The staff who may use {@code /api/**}: user name, encoded password ({@code {bcrypt}...}; {@code {noop}} only in
 * the demo profile), roles from DOMAIN.md, and for TOWNSHIP users the township they act for.
 */
@ConfigurationProperties(prefix = "ledger.security")
public record StaffProperties(List<User> users) {

    public StaffProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(String username, String password, List<Role> roles, String township) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        @Override
        public String toString() {
            return "User[username=" + username + ", roles=" + roles + ", township=" + township + "]";
        }
    }

    /** The roles of DOMAIN.md. */
    public enum Role { CLERK, APPROVER, TOWNSHIP, REVIEWER, AUDITOR }
}
