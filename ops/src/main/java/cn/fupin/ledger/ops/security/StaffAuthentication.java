package cn.fupin.ledger.ops.security;

import java.time.Instant;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * How a staff member's HTTP Basic credentials are checked, in this order:
 * <ol>
 *   <li>a user name or remote address locked after failed logins is refused, whatever the password, without checking
 *       it ({@link LoginFailures});</li>
 *   <li>a password that passed the check for this user lately is let in without hashing it again
 *       ({@link VerifiedCredentials});</li>
 *   <li>otherwise the password is checked as Spring Security checks it (the user store and the password encoder:
 *       bcrypt); a pass is remembered and clears the name's failures, a failure is counted.</li>
 * </ol>
 * The lock comes first: were a remembered password let in before it, a locked name would let a guesser go on trying,
 * at no cost, every password of a user who logged in lately.
 */
final class StaffAuthentication implements AuthenticationProvider {

    private final UserDetailsService users;
    private final DaoAuthenticationProvider passwordCheck;
    private final VerifiedCredentials verified;
    private final LoginFailures failures;
    private final LoginClock clock;
    private final AccountStatusUserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();

    /**
     * The one way staff credentials are checked, for every filter chain that logs staff in (the API's HTTP Basic, the
     * screens' login form): this provider alone, with no parent manager that would check a refused password again.
     */
    static ProviderManager manager(UserDetailsService users, PasswordEncoder encoder, VerifiedCredentials verified,
                                   LoginFailures failures, LoginClock clock) {
        return new ProviderManager(new StaffAuthentication(users, encoder, verified, failures, clock));
    }

    StaffAuthentication(UserDetailsService users, PasswordEncoder encoder, VerifiedCredentials verified,
                        LoginFailures failures, LoginClock clock) {
        this.users = users;
        this.passwordCheck = new DaoAuthenticationProvider(users);
        passwordCheck.setPasswordEncoder(encoder);
        // As Spring Boot configures it by default: a password stored in an older encoding ({noop} in the demo) is
        // stored again in the current one (bcrypt) after its first check.
        if (users instanceof UserDetailsPasswordService passwords) {
            passwordCheck.setUserDetailsPasswordService(passwords);
        }
        this.verified = verified;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "";
        Instant now = clock.now();
        failures.refuseIfLocked(username, address, now);
        // Computed for every request, remembered user or not, so that the time taken does not tell which it is.
        byte[] digest = verified.digest(username, password);
        UserDetails remembered = rememberedUser(username, digest);
        if (remembered != null) {
            UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                    remembered, authentication.getCredentials(), remembered.getAuthorities());
            result.setDetails(authentication.getDetails());
            return result;
        }
        Authentication result;
        try {
            result = passwordCheck.authenticate(authentication);
        } catch (BadCredentialsException wrongPasswordOrUnknownName) {
            failures.failed(username, address, now);
            throw wrongPasswordOrUnknownName;
        }
        // The stored password as the store holds it now: the check may just have stored it again in the current
        // encoding, and the principal still carries the old one.
        try {
            verified.remember(username, digest, users.loadUserByUsername(username).getPassword());
        } catch (UsernameNotFoundException removedMeanwhile) {
            verified.forget(username);
        }
        failures.succeeded(username);
        return result;
    }

    /** The user, when the digest is of a password that passed the check lately and the user may still log in. */
    private UserDetails rememberedUser(String username, byte[] digest) {
        if (!verified.enabled()) {
            return null;
        }
        UserDetails user;
        try {
            user = users.loadUserByUsername(username);
        } catch (UsernameNotFoundException removed) {
            verified.forget(username);
            return null;
        }
        if (!verified.verified(username, digest, user.getPassword())) {
            return null;
        }
        try {
            accountStatus.check(user);
        } catch (AuthenticationException disabledOrLocked) {
            verified.forget(username);
            return null;
        }
        return user;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
