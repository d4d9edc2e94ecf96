package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the clerk's money screens (projects, grant batches, payment requests) check alike: a form's typed text read as
 * the type a command takes, and a refusal's problems put beside the screen's own fields, whose names differ from the
 * API's where the screen shows a field differently (a budget line's fund as {@code fund1}, an item's amount beside
 * its household's row).
 */
final class ClerkForms {

    private ClerkForms() {
    }

    /** The text stripped, or null when blank. */
    static String text(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    /** A date typed as 2005-04-01, or null with a message for {@code field}. */
    static LocalDate date(String typed, String field, Map<String, String> errors) {
        String text = text(typed);
        if (text == null) {
            errors.put(field, "请填写日期，例如 2005-04-01");
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(field, "日期应写成 年-月-日，例如 2005-04-01");
            return null;
        }
    }

    /** A whole number of at most seven digits typed, or null: with a message for {@code field} if required. */
    static Integer count(String typed, String field, boolean required, Map<String, String> errors) {
        String text = text(typed);
        if (text == null) {
            if (required) {
                errors.put(field, "请填写数目（0 或正整数）");
            }
            return null;
        }
        if (!text.matches("\\d{1,7}")) {
            errors.put(field, "应为 0 或正整数");
            return null;
        }
        return Integer.parseInt(text);
    }

    /**
     * Puts each of the refusal's field problems beside the screen's field ({@code field} maps the API's field name to
     * the screen's; a name the form does not show goes into the answer); answers the message for the form as a whole,
     * or null when every problem has its field.
     */
    static String explain(Refusal refusal, UnaryOperator<String> field, java.util.Set<String> shown,
                          Map<String, String> errors) {
        StringBuilder general = new StringBuilder();
        for (FieldProblem problem : refusal.problems()) {
            String name = problem.field() == null ? null : field.apply(problem.field());
            if (name != null && shown.contains(name)) {
                errors.putIfAbsent(name, Refusals.chinese(problem.code()));
            } else {
                general.append(Refusals.chinese(problem.code())).append(' ');
            }
        }
        if (refusal.problems().isEmpty()) {
            return Refusals.chinese(refusal.code());
        }
        return general.isEmpty() ? null : general.toString().strip();
    }
}
