package cn.fupin.ledger.query.common;

import cn.fupin.ledger.shared.common.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who reads: the logged-in user, the one role the request acts in (decided once, with the endpoint's authorisation,
 * by the security configuration) and the user's township, read as the command side reads its actors
 * ({@link Actor#acting}). Read scopes depend on it: a TOWNSHIP user lists its own township's payments only, a
 * REVIEWER the rounds they may score or have scored.
 */
public final class Readers {

    private Readers() {
    }

    /** The reader of the current request; fails when nobody is logged in (security lets no such request through). */
    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("a staff read needs a logged-in reader");
        }
        return Actor.acting(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList());
    }
}
