package cn.fupin.ledger.shared.common;

/**
 * One invalid field. {@code line} is the 1-based line of an imported file (header is line 1), or 0 when the
 * problem is not in a file. Messages never repeat the offending value: it may be personal data.
 */
public record FieldProblem(int line, String field, String code, String message) {

    public static FieldProblem of(String field, String code, String message) {
        return new FieldProblem(0, field, code, message);
    }

    public static FieldProblem atLine(int line, String field, String code, String message) {
        return new FieldProblem(line, field, code, message);
    }
}
