package cn.fupin.ledger.command.common;

import cn.fupin.ledger.shared.common.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person behind the current request, as commands carry it: user name, the role they act in and, for TOWNSHIP
 * users, their township (an authority {@code TOWNSHIP:<code>} granted at login). Controllers put it into the
 * commands whose rules depend on who asks (four eyes, own township only, reviewer conflicts).
 */
public final class Actors {

    /** Prefix of the authority that names a TOWNSHIP user's township. */
    public static final String TOWNSHIP_AUTHORITY_PREFIX = Actor.TOWNSHIP_AUTHORITY_PREFIX;

    /** The name under which an act of a member of the public (an objection, filed without login) is recorded. */
    public static final String PUBLIC = "public";

    private Actors() {
    }

    /**
     * Runs a step as a named system process (a deadline firing, a scheduled job): its commands are attributed to
     * {@code system:<process>} in role SYSTEM, because every act in the ledger is attributed to someone.
     */
    public static void runAsSystem(String process, Runnable step) {
        runAs(Actor.of("system:" + process, "SYSTEM"), step);
    }

    /**
     * Runs a step as the given actor (a demo user, a system process): its commands carry the actor's name, role and
     * township exactly as a logged-in request of theirs would.
     */
    public static void runAs(Actor actor, Runnable step) {
        java.util.List<org.springframework.security.core.authority.SimpleGrantedAuthority> authorities =
                new java.util.ArrayList<>();
        authorities.add(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + actor.role()));
        if (actor.townshipCode() != null) {
            authorities.add(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                    TOWNSHIP_AUTHORITY_PREFIX + actor.townshipCode()));
        }
        org.springframework.security.core.context.SecurityContext previous = SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContext acting = SecurityContextHolder.createEmptyContext();
        acting.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(actor.username(), null, authorities));
        SecurityContextHolder.setContext(acting);
        try {
            step.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * Runs a step on behalf of a member of the public, who does not log in (an objection to a notice): its commands
     * are attributed to {@value #PUBLIC} in role PUBLIC, and, to protect objectors, without their network address.
     */
    public static void runAsPublic(Runnable step) {
        runAs(Actor.of(PUBLIC, "PUBLIC"), step);
    }

    /**
     * The actor of the current request: its user name, the one role the request acts in (the role its endpoint was
     * authorised under, decided once by the security configuration) and its township; fails when nobody is logged in
     * (security lets no such request through) or no single role was decided. See {@link Actor#acting}.
     */
    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("a command needs a logged-in actor");
        }
        return Actor.acting(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList());
    }
}
