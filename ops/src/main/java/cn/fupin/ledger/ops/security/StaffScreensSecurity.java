package cn.fupin.ledger.ops.security;

import static cn.fupin.ledger.ops.security.StaffProperties.Role.APPROVER;
import static cn.fupin.ledger.ops.security.StaffProperties.Role.AUDITOR;
import static cn.fupin.ledger.ops.security.StaffProperties.Role.CLERK;
import static cn.fupin.ledger.ops.security.StaffProperties.Role.REVIEWER;
import static cn.fupin.ledger.ops.security.StaffProperties.Role.TOWNSHIP;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may use the staff screens ({@code /app/**}): a login form and a session (the API keeps HTTP Basic, stateless),
 * the same credential check as the API ({@link StaffAuthentication}: lockout after failed logins, remembered
 * passwords), the same roles per task as the API's endpoints, decided the same way ({@link ActingRole}), and a CSRF
 * token on every form (a session cookie would otherwise let another site post in the user's name). The session cookie
 * is {@code HttpOnly} and {@code SameSite=Lax} (application.yml). A screen not listed here is closed.
 */
@Configuration(proxyBeanMethods = false)
class StaffScreensSecurity {

    static final String LOGIN = "/app/login";

    private static final String[] STAFF_ROLES = java.util.Arrays.stream(StaffProperties.Role.values())
            .map(Enum::name).toArray(String[]::new);

    @Bean
    @Order(1)
    SecurityFilterChain staffScreens(HttpSecurity http, UserDetailsService staff, PasswordEncoder passwordEncoder,
                                     VerifiedCredentials verifiedCredentials, LoginFailures loginFailures,
                                     LoginClock loginClock) throws Exception {
        ProviderManager authentication = StaffAuthentication.manager(staff, passwordEncoder,
                verifiedCredentials, loginFailures, loginClock);
        // A refused login says which refusal (wrong credentials, or a lock and for how long) on the login page, never
        // whether the user name exists.
        AuthenticationFailureHandler refused = (request, response, e) -> response.sendRedirect(
                request.getContextPath() + LOGIN + (e instanceof LoginLockedException ? "?locked" : "?error"));
        http
                .securityMatcher("/app", "/app/**")
                .authenticationManager(authentication)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .formLogin(form -> form.loginPage(LOGIN).loginProcessingUrl(LOGIN).defaultSuccessUrl("/app/", true)
                        .failureHandler(refused).permitAll())
                .logout(logout -> logout.logoutUrl("/app/logout").logoutSuccessUrl(LOGIN + "?logout"))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> refusedPage(
                        request, response)))
                .addFilterAfter(new ActingRole.Filter(), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, LOGIN).permitAll()
                        // the clerk's appropriations: the API's POST /api/funds/appropriations is CLERK's
                        .requestMatchers("/app/funds", "/app/funds/**").access(ActingRole.asOneOf(CLERK))
                        // the clerk's household register: the API's /api/households imports, exits and returns
                        .requestMatchers("/app/households", "/app/households/**").access(ActingRole.asOneOf(CLERK))
                        // the clerk's projects, grant batches and payment requests; projects as the API's roles:
                        // proposed by clerks and townships (a township its own, seen as its own), started and
                        // completed by clerks
                        .requestMatchers(HttpMethod.POST, "/app/projects/*/start", "/app/projects/*/complete")
                                .access(ActingRole.asOneOf(CLERK))
                        .requestMatchers(HttpMethod.POST, "/app/projects").access(ActingRole.asOneOf(CLERK, TOWNSHIP))
                        .requestMatchers(HttpMethod.GET, "/app/projects", "/app/projects/**")
                                .access(ActingRole.asOneOf(CLERK, TOWNSHIP))
                        .requestMatchers("/app/projects", "/app/projects/**").access(ActingRole.asOneOf(CLERK))
                        .requestMatchers("/app/batches", "/app/batches/**").access(ActingRole.asOneOf(CLERK))
                        .requestMatchers("/app/payments", "/app/payments/**").access(ActingRole.asOneOf(CLERK))
                        // the approver's inbox: projects, payments, batches and objections waiting for a decision
                        .requestMatchers("/app/inbox", "/app/inbox/**").access(ActingRole.asOneOf(APPROVER))
                        // competitive rounds: the clerk opens one, townships submit proposals, reviewers score, the
                        // approver closes it, all four read the rounds and the ranking (as the API's POST
                        // /api/competitions is CLERK's, /proposals TOWNSHIP's, /conflicts and /scores REVIEWER's,
                        // /close APPROVER's)
                        .requestMatchers("/app/rounds/new", "/app/rounds/new/**").access(ActingRole.asOneOf(CLERK))
                        .requestMatchers("/app/rounds/*/proposals", "/app/rounds/*/proposals/**")
                                .access(ActingRole.asOneOf(TOWNSHIP))
                        .requestMatchers("/app/rounds/*/scores", "/app/rounds/*/scores/**", "/app/rounds/*/conflicts",
                                "/app/rounds/*/conflicts/**").access(ActingRole.asOneOf(REVIEWER))
                        .requestMatchers("/app/rounds/*/close", "/app/rounds/*/close/**")
                                .access(ActingRole.asOneOf(APPROVER))
                        .requestMatchers(HttpMethod.GET, "/app/rounds", "/app/rounds/**")
                                .access(ActingRole.asOneOf(TOWNSHIP, REVIEWER, CLERK, APPROVER))
                        // the auditor's ledger: event history, follow the money, households, journal, red flags
                        .requestMatchers("/app/audit", "/app/audit/**").access(ActingRole.asOneOf(AUDITOR))
                        // the desk every staff user lands on, showing every role the user holds (no role is decided
                        // for it: it does nothing)
                        .requestMatchers(HttpMethod.GET, "/app", "/app/").hasAnyRole(STAFF_ROLES)
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * A refusal as a page in Chinese: the role may not do this, or the form's CSRF token was missing or stale (then a
     * reload of the form gives a fresh one). Nothing was recorded either way.
     */
    private static void refusedPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        String desk = request.getContextPath() + "/app/";
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>不能办理 · 扶贫资金账本</title>
                <style>body{font-family:sans-serif;margin:2rem;line-height:1.6;color:#1a1a1a}</style></head>
                <body><main><h1>不能办理</h1>
                <p>您当前的角色不能办理这项业务，或者表单已失效（请回到上一页刷新后重新填写）。什么也没有记录。</p>
                <p><a href="%s">返回工作台</a></p></main></body></html>
                """.formatted(desk));
    }
}
