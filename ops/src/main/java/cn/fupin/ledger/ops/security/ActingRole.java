package cn.fupin.ledger.ops.security;

import cn.fupin.ledger.shared.common.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.filter.OncePerRequestFilter;

import static cn.fupin.ledger.ops.security.StaffProperties.Role.APPROVER;
import static cn.fupin.ledger.ops.security.StaffProperties.Role.AUDITOR;
import static cn.fupin.ledger.ops.security.StaffProperties.Role.CLERK;
import static cn.fupin.ledger.ops.security.StaffProperties.Role.REVIEWER;
import static cn.fupin.ledger.ops.security.StaffProperties.Role.TOWNSHIP;

/**
 * The one decision of the role a request acts in. A user may hold several roles (the demo's {@code deputy} is CLERK
 * and APPROVER; a township official may also be a CLERK); each endpoint allows some roles. When the endpoint is
 * authorised, the role it is authorised under is decided here once: of the user's roles that the endpoint allows, the
 * first in {@link #PRECEDENCE} — the most restricted, so that holding a broader role never sheds a restriction (a
 * TOWNSHIP and CLERK user proposes projects as TOWNSHIP, for its own township only; a TOWNSHIP and AUDITOR user lists
 * disbursements as TOWNSHIP, its own township's). The {@link Filter} then lets the rest of the request see only that
 * role (and the user's township), so the command's {@code Actor}, the events' metadata and the read scopes all read
 * the same one ({@link Actor#acting}).
 */
final class ActingRole {

    /** The order in which a user's roles are chosen: the narrowest first. */
    static final List<StaffProperties.Role> PRECEDENCE = List.of(TOWNSHIP, REVIEWER, CLERK, APPROVER, AUDITOR);

    /** The request attribute holding the decided role's name. */
    static final String ATTRIBUTE = ActingRole.class.getName();

    private ActingRole() {
    }

    /** Allows the endpoint to a user holding any of {@code allowed}, and decides which of them the request acts in. */
    static AuthorizationManager<RequestAuthorizationContext> asOneOf(StaffProperties.Role... allowed) {
        return new Decision(EnumSet.copyOf(List.of(allowed)));
    }

    /** The role the user acts in at an endpoint allowing {@code allowed}, if the user holds any of them. */
    static StaffProperties.Role decide(Set<StaffProperties.Role> allowed, Set<String> authorities) {
        for (StaffProperties.Role role : PRECEDENCE) {
            if (allowed.contains(role) && authorities.contains(Actor.ROLE_AUTHORITY_PREFIX + role.name())) {
                return role;
            }
        }
        return null;
    }

    private record Decision(Set<StaffProperties.Role> allowed)
            implements AuthorizationManager<RequestAuthorizationContext> {

        @Override
        @SuppressWarnings("deprecation")
        public AuthorizationDecision check(Supplier<Authentication> authentication,
                                           RequestAuthorizationContext context) {
            Authentication user = authentication.get();
            if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
                return new AuthorizationDecision(false);
            }
            StaffProperties.Role role = decide(allowed, user.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).collect(Collectors.toSet()));
            if (role == null) {
                return new AuthorizationDecision(false);
            }
            context.getRequest().setAttribute(ATTRIBUTE, role.name());
            return new AuthorizationDecision(true);
        }
    }

    /**
     * Runs the rest of a request whose role was decided with the user's authentication narrowed to that role: the
     * user's other roles are left out, the township kept (it is a fact about the user, which also bars a reviewer from
     * their own township). Requests no role was decided for (the public pages) pass unchanged.
     */
    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Object role = request.getAttribute(ATTRIBUTE);
            SecurityContext before = SecurityContextHolder.getContext();
            Authentication user = before.getAuthentication();
            if (role == null || user == null) {
                chain.doFilter(request, response);
                return;
            }
            List<GrantedAuthority> narrowed = new ArrayList<>();
            narrowed.add(new SimpleGrantedAuthority(Actor.ROLE_AUTHORITY_PREFIX + role));
            user.getAuthorities().stream()
                    .filter(authority -> !authority.getAuthority().startsWith(Actor.ROLE_AUTHORITY_PREFIX))
                    .forEach(narrowed::add);
            UsernamePasswordAuthenticationToken acting = UsernamePasswordAuthenticationToken.authenticated(
                    user.getPrincipal(), null, narrowed);
            acting.setDetails(user.getDetails());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(acting);
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.setContext(before);
            }
        }
    }
}
