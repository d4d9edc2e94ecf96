package cn.fupin.ledger.command;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Matchers for {@code expectException(...)} of Axon's fixtures that check what a client relies on: the stable
 * code and kind of a {@link Refusal} (and, for an invalid field, the field it names), not the wording of its message.
 */
public final class Refusals {

    private Refusals() {
    }

    /** A refusal of the given kind and code. */
    public static Matcher<Throwable> refusal(RefusalKind kind, String code) {
        return new RefusalMatcher(kind, code, null);
    }

    /** A business-rule refusal (HTTP 409) with the given code. */
    public static Matcher<Throwable> conflict(String code) {
        return refusal(RefusalKind.CONFLICT, code);
    }

    /** A refusal (HTTP 422) of one invalid field, named with the given code in the refusal and in its one problem. */
    public static Matcher<Throwable> invalidField(String code, String field) {
        return new RefusalMatcher(RefusalKind.INVALID, code, field);
    }

    /** A refusal (HTTP 422) with the given code that names, among its problems, one with {@code problemCode}. */
    public static Matcher<Throwable> invalidNaming(String code, String problemCode) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown, Description mismatch) {
                if (!(thrown instanceof Refusal refusal) || refusal.kind() != RefusalKind.INVALID
                        || !refusal.code().equals(code)) {
                    mismatch.appendText("was ").appendValue(thrown);
                    return false;
                }
                if (refusal.problems().stream().noneMatch(problem -> problem.code().equals(problemCode))) {
                    mismatch.appendText("named the problems ").appendValue(refusal.problems());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an INVALID refusal ").appendValue(code).appendText(" naming ")
                        .appendValue(problemCode);
            }
        };
    }

    private static final class RefusalMatcher extends TypeSafeDiagnosingMatcher<Throwable> {

        private final RefusalKind kind;
        private final String code;
        private final String field;

        RefusalMatcher(RefusalKind kind, String code, String field) {
            this.kind = kind;
            this.code = code;
            this.field = field;
        }

        @Override
        protected boolean matchesSafely(Throwable thrown, Description mismatch) {
            if (!(thrown instanceof Refusal refusal)) {
                mismatch.appendText("was not a refusal but ").appendValue(thrown);
                return false;
            }
            if (!refusal.code().equals(code) || refusal.kind() != kind) {
                mismatch.appendText("was refused with ").appendValue(refusal.kind()).appendText(" ")
                        .appendValue(refusal.code());
                return false;
            }
            if (field != null) {
                boolean named = refusal.problems().size() == 1
                        && refusal.problems().get(0).equals(new FieldProblem(0, field, code, refusal.getMessage()));
                if (!named) {
                    mismatch.appendText("named the problems ").appendValue(refusal.problems());
                    return false;
                }
            }
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("a refusal ").appendValue(kind).appendText(" ").appendValue(code);
            if (field != null) {
                description.appendText(" of the field ").appendValue(field);
            }
        }
    }
}
