package cn.fupin.ledger.command.household;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.household.DeclareCadreRelativeCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a declaration of a cadre's relative (优亲厚友), shared by the declaration command and the register
 * column {@code relatedCadres}: a cadre is named by a ledger user name (the name the acts of that cadre carry in
 * their metadata, which is what the red flag RELATED_PARTY compares), a relation and a reason are short texts.
 */
final class CadreRelatives {

    /** User names as the ledger's staff configuration writes them. */
    static final String CADRE_PATTERN = "[A-Za-z0-9._@-]{1,64}";
    static final int RELATION_LENGTH_MAX = 50;
    /** A register row names at most this many cadres. */
    static final int PER_ROW_MAX = 10;

    private CadreRelatives() {
    }

    /** The problem with a cadre's user name, or {@code null} when it has the shape of one. */
    static String cadreProblem(String cadre) {
        if (cadre == null || !cadre.strip().matches(CADRE_PATTERN)) {
            return "a cadre is named by a user name of 1 to 64 letters, digits and . _ @ -";
        }
        return null;
    }

    /** Refuses (422 CADRE_RELATIVE_INVALID) a declaration with a missing or malformed field, naming each. */
    static void requireValid(DeclareCadreRelativeCommand command) {
        List<FieldProblem> problems = new ArrayList<>();
        String cadreProblem = cadreProblem(command.cadre());
        if (cadreProblem != null) {
            problems.add(FieldProblem.of("cadre", "CADRE_INVALID", cadreProblem));
        }
        text(command.relation(), "relation", RELATION_LENGTH_MAX, problems);
        text(command.reason(), "reason", Household.REASON_LENGTH_MAX, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid("CADRE_RELATIVE_INVALID", "the declaration was not recorded", problems);
        }
    }

    private static void text(String value, String field, int lengthMax, List<FieldProblem> problems) {
        if (Text.isBlank(value)) {
            problems.add(FieldProblem.of(field, "REQUIRED", "the " + field + " is required"));
        } else if (value.strip().length() > lengthMax || Text.hasControlCharacters(value)) {
            problems.add(FieldProblem.of(field, "TEXT_INVALID",
                    "the " + field + " is longer than " + lengthMax + " characters or holds control characters"));
        }
    }
}
