package cn.fupin.ledger.ops.security;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What auditors see of failed logins: {@code GET /api/audit/login-failures} (AUDITOR, as everything under
 * {@code /api/audit/}) → the user names and remote addresses counting failed logins or locked now, the latest failure
 * first, at most {@value #ROWS_MAX}: {@code [{kind, subject, failures, windowStartedAt, lockedUntil, lastFailedAt,
 * locked}]}. A name that is not a configured user's is shown without it ({@code subject} null).
 */
@RestController
class LoginFailuresController {

    static final int ROWS_MAX = 1_000;

    private final LoginFailures failures;
    private final LoginClock clock;

    LoginFailuresController(LoginFailures failures, LoginClock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    @GetMapping("/api/audit/login-failures")
    List<LoginFailures.Counting> counting() {
        return failures.counting(clock.now(), ROWS_MAX);
    }
}
