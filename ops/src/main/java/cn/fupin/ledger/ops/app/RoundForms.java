package cn.fupin.ledger.ops.app;

/** Sentences the round screens' forms share. */
final class RoundForms {

    /** A form whose key this session did not issue (an expired session, a forged form): nothing was recorded. */
    static final String EXPIRED = "这份表单已过期（或不是本次登录打开的），请核对后重新提交。";

    /** Refusals about the round as a whole rather than a field of the form: said above the form. */
    static final java.util.Set<String> ABOUT_THE_ROUND = java.util.Set.of("COMPETITION_CLOSED",
            "SUBMISSION_DEADLINE_PASSED", "ROUND_FULL", "COMPETITION_NOT_FOUND", "FORBIDDEN");

    private RoundForms() {
    }
}
