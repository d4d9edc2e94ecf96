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
}
