package cn.fupin.ledger.ops.security;

import cn.fupin.ledger.command.common.Actors;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import cn.fupin.ledger.ops.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.transaction.PlatformTransactionManager;

import static cn.fupin.ledger.ops.security.StaffProperties.Role.APPROVER;
import static cn.fupin.ledger.ops.security.StaffProperties.Role.AUDITOR;
import static cn.fupin.ledger.ops.security.StaffProperties.Role.CLERK;
import static cn.fupin.ledger.ops.security.StaffProperties.Role.REVIEWER;
import static cn.fupin.ledger.ops.security.StaffProperties.Role.TOWNSHIP;

/**
 * Who may do what. {@code /api/**} takes HTTP Basic and allows each endpoint only to its roles (DOMAIN.md), deciding
 * with the authorisation which one role the request acts in ({@link ActingRole}); an endpoint not listed here is
 * refused to everybody, so a new endpoint is closed until somebody decides its roles.
 * The public disclosure pages need no login, nor does an objection to a notice (every other method under
 * {@code /disclosure/} is refused), nor the health and its probes (status only). The metrics
 * ({@code /actuator/prometheus}) and the OpenAPI description ({@code /v3/api-docs}, the Swagger UI) take any staff
 * role. 401 and 403 answer in problem+json.
 *
 * <p>Credentials are checked by {@link StaffAuthentication}: a user name or address locked after failed logins is
 * refused (401 {@code ACCOUNT_LOCKED} or {@code ADDRESS_LOCKED}, with {@code Retry-After}), and a password checked
 * once is taken again for a few minutes without hashing it (docs/api.md, "Authentication").
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final StaffProperties.Role[] STAFF = StaffProperties.Role.values();

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper mapper, UserDetailsService staff,
                            PasswordEncoder passwordEncoder, VerifiedCredentials verifiedCredentials,
                            LoginFailures loginFailures, LoginClock loginClock) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"fupin-ledger\", charset=\"UTF-8\"");
            if (e instanceof LoginLockedException locked) {
                response.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds()));
                Problems.write(response, mapper, HttpStatus.UNAUTHORIZED, locked.code(), locked.detail());
                return;
            }
            Problems.write(response, mapper, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "log in with HTTP Basic");
        };
        AccessDeniedHandler denied = (request, response, e) ->
                Problems.write(response, mapper, HttpStatus.FORBIDDEN, "FORBIDDEN", "your role may not do this");
        // The one way staff credentials are checked (StaffAuthentication: lockout, remembered passwords, bcrypt), with
        // no parent manager that would check a refused password a second time.
        ProviderManager authentication = StaffAuthentication.manager(staff, passwordEncoder,
                verifiedCredentials, loginFailures, loginClock);
        http
                .authenticationManager(authentication)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/disclosure/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                // The role a request acts in is decided with its authorisation (ActingRole.asOneOf below) and the rest
                // of the request sees only that role.
                .addFilterAfter(new ActingRole.Filter(), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // funds
                        .requestMatchers(HttpMethod.POST, "/api/funds/appropriations").access(ActingRole.asOneOf(CLERK))
                        .requestMatchers(HttpMethod.GET, "/api/funds", "/api/funds/**")
                                .access(ActingRole.asOneOf(STAFF))
                        // places
                        .requestMatchers(HttpMethod.POST, "/api/places/villages/*/poor-designations")
                                .access(ActingRole.asOneOf(CLERK))
                        .requestMatchers(HttpMethod.GET, "/api/places/**").access(ActingRole.asOneOf(STAFF))
                        // households
                        .requestMatchers(HttpMethod.POST, "/api/households/imports", "/api/households/*/exit",
                                "/api/households/*/return", "/api/households/*/bank-card", "/api/households/*/village")
                                .access(ActingRole.asOneOf(CLERK))
                        .requestMatchers(HttpMethod.GET, "/api/households/*")
                                .access(ActingRole.asOneOf(CLERK, APPROVER, AUDITOR))
                        // work areas (reference data)
                        .requestMatchers(HttpMethod.GET, "/api/work-areas").access(ActingRole.asOneOf(STAFF))
                        // projects: proposed by clerks and townships, decided by approvers, progress by clerks
                        .requestMatchers(HttpMethod.POST, "/api/projects").access(ActingRole.asOneOf(CLERK, TOWNSHIP))
                        .requestMatchers(HttpMethod.POST, "/api/projects/*/approve", "/api/projects/*/cancel",
                                "/api/projects/*/accept").access(ActingRole.asOneOf(APPROVER))
                        .requestMatchers(HttpMethod.POST, "/api/projects/*/start", "/api/projects/*/complete")
                                .access(ActingRole.asOneOf(CLERK))
                        .requestMatchers(HttpMethod.GET, "/api/projects", "/api/projects/*")
                                .access(ActingRole.asOneOf(STAFF))
                        // township assessments
                        .requestMatchers(HttpMethod.POST, "/api/townships/*/assessments")
                                .access(ActingRole.asOneOf(CLERK))
                        .requestMatchers(HttpMethod.GET, "/api/townships/**").access(ActingRole.asOneOf(STAFF))
                        // competitive rounds: the county opens, townships submit, reviewers score, approvers close
                        .requestMatchers(HttpMethod.POST, "/api/competitions").access(ActingRole.asOneOf(CLERK))
                        .requestMatchers(HttpMethod.POST, "/api/competitions/*/proposals")
                                .access(ActingRole.asOneOf(TOWNSHIP))
                        .requestMatchers(HttpMethod.POST, "/api/competitions/*/conflicts",
                                "/api/competitions/*/proposals/*/scores").access(ActingRole.asOneOf(REVIEWER))
                        .requestMatchers(HttpMethod.POST, "/api/competitions/*/close")
                                .access(ActingRole.asOneOf(APPROVER))
                        .requestMatchers(HttpMethod.GET, "/api/competitions", "/api/competitions/*",
                                "/api/competitions/*/recompute").access(ActingRole.asOneOf(STAFF))
                        // money out: clerks request, approvers decide and reverse (four eyes in the aggregates)
                        .requestMatchers(HttpMethod.POST, "/api/disbursements", "/api/grants/batches")
                                .access(ActingRole.asOneOf(CLERK))
                        .requestMatchers(HttpMethod.POST, "/api/disbursements/*/approve", "/api/disbursements/*/reject",
                                "/api/disbursements/*/reverse", "/api/grants/batches/*/approve",
                                "/api/grants/batches/*/reject").access(ActingRole.asOneOf(APPROVER))
                        .requestMatchers(HttpMethod.GET, "/api/disbursements", "/api/grants/coverage",
                                "/api/grants/coverage/**").access(ActingRole.asOneOf(STAFF))
                        // notices: clerks publish by hand (the publisher automatically), officers resolve objections
                        .requestMatchers(HttpMethod.POST, "/api/notices").access(ActingRole.asOneOf(CLERK))
                        .requestMatchers(HttpMethod.POST, "/api/notices/*/objections/*/resolve",
                                "/api/notices/*/objections/dismissals").access(ActingRole.asOneOf(APPROVER, AUDITOR))
                        .requestMatchers(HttpMethod.GET, "/api/notices/*/objections")
                                .access(ActingRole.asOneOf(APPROVER, AUDITOR))
                        .requestMatchers(HttpMethod.GET, "/api/notices", "/api/notices/*")
                                .access(ActingRole.asOneOf(STAFF))
                        // the demo clock (the endpoint exists only in the demo profile; elsewhere 404)
                        .requestMatchers(HttpMethod.POST, "/api/demo/clock")
                                .access(ActingRole.asOneOf(APPROVER, AUDITOR))
                        .requestMatchers(HttpMethod.GET, "/api/demo/clock", "/api/demo/clock/moves")
                                .access(ActingRole.asOneOf(STAFF))
                        // skipped work: the notices the publisher skipped, which officers read and retry
                        .requestMatchers(HttpMethod.GET, "/api/audit/skipped-work")
                                .access(ActingRole.asOneOf(APPROVER, AUDITOR))
                        .requestMatchers(HttpMethod.POST, "/api/audit/skipped-work/*/retry")
                                .access(ActingRole.asOneOf(APPROVER, AUDITOR))
                        // audit: the journal and (later) the event log and its proofs
                        .requestMatchers(HttpMethod.GET, "/api/audit/**").access(ActingRole.asOneOf(AUDITOR))
                        // audit: an auditor marks a red-flag finding reviewed
                        .requestMatchers(HttpMethod.POST, "/api/audit/red-flags/**").access(ActingRole.asOneOf(AUDITOR))
                        // audit facts: screening lists (auditors), cadres' relatives (clerks record declarations, as do
                        // auditors who find one)
                        .requestMatchers(HttpMethod.POST, "/api/audit/screening-lists").access(ActingRole.asOneOf(AUDITOR))
                        .requestMatchers(HttpMethod.POST, "/api/households/*/related-cadres")
                                .access(ActingRole.asOneOf(CLERK, AUDITOR))
                        // the print copy of a village's grant list with full names: staff who prepare the notice board
                        .requestMatchers(HttpMethod.GET, "/api/print/villages/*/grant-list")
                                .access(ActingRole.asOneOf(CLERK, APPROVER, AUDITOR))
                        // everything else under /api is closed until its roles are decided
                        .requestMatchers("/api/**").denyAll()
                        // the public: disclosure pages to read, and objections to a notice (no login, no CSRF token:
                        // there is no session to ride on; a rate limit and a small body limit instead)
                        .requestMatchers(HttpMethod.POST, "/disclosure/notices/*/objections").permitAll()
                        .requestMatchers(HttpMethod.GET, "/disclosure/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/disclosure/**").permitAll()
                        // the ledger's own health (the last reconciliation, skipped work): staff only; the public
                        // health shows the machine's status alone
                        .requestMatchers(HttpMethod.GET, "/actuator/health/ledger", "/actuator/health/ledger/**",
                                "/actuator/health/reconciliation", "/actuator/health/reconciliation/**",
                                "/actuator/health/skippedWork", "/actuator/health/skippedWork/**")
                                .access(ActingRole.asOneOf(STAFF))
                        .requestMatchers("/actuator/health/ledger", "/actuator/health/ledger/**",
                                "/actuator/health/reconciliation", "/actuator/health/reconciliation/**",
                                "/actuator/health/skippedWork", "/actuator/health/skippedWork/**").denyAll()
                        // operations: the metrics (a scraper logs in as staff) and the OpenAPI description of this API
                        // with its Swagger UI, staff only (docs/api.md, "Operations")
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").access(ActingRole.asOneOf(STAFF))
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui.html", "/swagger-ui/**").access(ActingRole.asOneOf(STAFF))
                        // the public health: the machine's status, and the liveness and readiness probes (status only)
                        .requestMatchers("/", "/index.html", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    /** The system's clock, for logins: never the demo profile's movable clock ({@link LoginClock} says why). */
    @Bean
    LoginClock loginClock() {
        return new LoginClock(Clock.systemUTC());
    }

    @Bean
    VerifiedCredentials verifiedCredentials(LoginProperties properties, LoginClock clock) {
        return new VerifiedCredentials(properties.verifiedCredentialsTtl(), properties.verifiedCredentialsMax(), clock);
    }

    @Bean
    LoginFailures loginFailures(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                LoginProperties properties, StaffProperties staff, MeterRegistry meters) {
        return new LoginFailures(jdbc, transactionManager, properties.lockout(), staff, meters);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService staff(StaffProperties properties) {
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (StaffProperties.User user : properties.users()) {
            List<String> authorities = new ArrayList<>();
            user.roles().forEach(role -> authorities.add("ROLE_" + role.name()));
            if (user.township() != null) {
                authorities.add(Actors.TOWNSHIP_AUTHORITY_PREFIX + user.township());
            }
            manager.createUser(User.withUsername(user.username())
                    .password(user.password())
                    .authorities(authorities.toArray(String[]::new))
                    .build());
        }
        return manager;
    }
}
