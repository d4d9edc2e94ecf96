package cn.fupin.ledger.shared.common;

import java.util.List;

/**
 * A command refused by a business rule. The {@link #code()} is stable and part of the HTTP contract
 * (it becomes the {@code code} of the problem+json answer); the message is for people and never holds
 * personal data. A refused command records no event.
 */
public final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final RefusalKind kind;
    private final List<FieldProblem> problems;

    private Refusal(String code, RefusalKind kind, String message, List<FieldProblem> problems) {
        super(message, null, false, false);
        if (code == null || !code.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("refusal codes are UPPER_SNAKE_CASE: " + code);
        }
        this.code = code;
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    /** A business rule refused the command (HTTP 409). */
    public static Refusal conflict(String code, String message) {
        return new Refusal(code, RefusalKind.CONFLICT, message, List.of());
    }

    /** A business rule refused the command (HTTP 409) for each of the named items, e.g. every bad item of a batch. */
    public static Refusal conflict(String code, String message, List<FieldProblem> problems) {
        return new Refusal(code, RefusalKind.CONFLICT, message, problems);
    }

    /** The command names something that does not exist (HTTP 404). */
    public static Refusal notFound(String code, String message) {
        return new Refusal(code, RefusalKind.NOT_FOUND, message, List.of());
    }

    /** The actor's role may use the endpoint but not on this thing, e.g. another township's project (HTTP 403). */
    public static Refusal forbidden(String code, String message) {
        return new Refusal(code, RefusalKind.FORBIDDEN, message, List.of());
    }

    /** One or more fields of the command are invalid (HTTP 422), each named in {@code problems}. */
    public static Refusal invalid(String code, String message, List<FieldProblem> problems) {
        return new Refusal(code, RefusalKind.INVALID, message, problems);
    }

    /** One field of the command is invalid (HTTP 422); the code names the problem and the field is named too. */
    public static Refusal invalidField(String code, String field, String message) {
        return invalid(code, message, List.of(FieldProblem.of(field, code, message)));
    }

    public String code() {
        return code;
    }

    public RefusalKind kind() {
        return kind;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
