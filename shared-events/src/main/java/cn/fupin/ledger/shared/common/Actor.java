package cn.fupin.ledger.shared.common;

/**
 * Who issues a command, as the command handler needs it for a decision: the user name, the role they act in, and
 * for TOWNSHIP users the 9-digit code of their township ({@code null} otherwise). The same facts also travel in
 * every event's metadata; commands carry them when a rule depends on them (four eyes, own township only).
 */
public record Actor(String username, String role, String townshipCode) {

    public Actor {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("an actor has a user name");
        }
        if (role == null || !role.matches("[A-Z_]+")) {
            throw new IllegalArgumentException("an actor acts in a role");
        }
        if (townshipCode != null && !townshipCode.matches("\\d{9}")) {
            throw new IllegalArgumentException("a township code has 9 digits");
        }
    }

    public static Actor of(String username, String role) {
        return new Actor(username, role, null);
    }

    /** The authority that grants a role, e.g. {@code ROLE_CLERK}. */
    public static final String ROLE_AUTHORITY_PREFIX = "ROLE_";

    /** The authority that names a TOWNSHIP user's township, e.g. {@code TOWNSHIP:510824100}. */
    public static final String TOWNSHIP_AUTHORITY_PREFIX = "TOWNSHIP:";

    /**
     * The actor behind a request from its authorities as the ledger's security leaves them once it decided the
     * endpoint: exactly one role ({@code ROLE_…}, the role the endpoint was authorised under, which the decision uses
     * and the event's metadata records) and, for a user bound to one, the township ({@code TOWNSHIP:…}). Every reader
     * of "who acts in which role" — the commands' {@code Actor}, the audit metadata, the read scopes — asks here, so
     * there is one answer. Anything but exactly one role is a programming error: no role was decided.
     */
    public static Actor acting(String username, java.util.Collection<String> authorities) {
        String role = null;
        String township = null;
        for (String authority : authorities) {
            if (authority.startsWith(ROLE_AUTHORITY_PREFIX)) {
                if (role != null) {
                    throw new IllegalStateException("no single acting role was decided for " + username);
                }
                role = authority.substring(ROLE_AUTHORITY_PREFIX.length());
            } else if (authority.startsWith(TOWNSHIP_AUTHORITY_PREFIX)) {
                township = authority.substring(TOWNSHIP_AUTHORITY_PREFIX.length());
            }
        }
        if (role == null) {
            throw new IllegalStateException(username + " acts in no role of the ledger");
        }
        return new Actor(username, role, township);
    }
}
