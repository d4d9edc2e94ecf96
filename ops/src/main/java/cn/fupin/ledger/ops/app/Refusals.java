package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import java.util.Map;

/**
 * The API's refusals as the screens say them: each problem code in Chinese, beside its field where it names one. The
 * codes are the API's stable ones (docs/api.md), so a screen and a client are refused for the same reasons.
 */
final class Refusals {

    /** The codes the screens know, in Chinese. */
    static final Map<String, String> CHINESE = Map.ofEntries(
            Map.entry("FISCAL_YEAR_OUT_OF_RANGE", "年度应在 2000 至 2100 之间"),
            Map.entry("SOURCE_REQUIRED", "请选择资金来源"),
            Map.entry("AMOUNT_NOT_POSITIVE", "金额应大于零"),
            Map.entry("AMOUNT_OVERFLOW", "金额过大，超出账本能记录的范围"),
            Map.entry("DOCUMENT_NO_REQUIRED", "请填写文号"),
            Map.entry("DOCUMENT_NO_INVALID", "文号过长或含有控制字符（最多 64 个字）"),
            Map.entry("DUPLICATE_DOCUMENT_NO", "这一文号在该年度、该来源的资金中已经登记过，同一文件不能重复下达"),
            Map.entry("DUPLICATE_APPROPRIATION", "这笔资金已经登记过"),
            Map.entry("FUND_MISMATCH", "资金的年度或来源与所选资金不符"),
            Map.entry("NOTE_INVALID", "备注过长或含有控制字符（最多 500 个字）"),
            Map.entry("FORBIDDEN", "您的角色不能办理这项业务"));

    /** The API's field names where a screen's differ (amounts are typed in yuan, sent in fen). */
    private static final Map<String, String> FIELDS = Map.of("amountFen", "amountYuan");

    private Refusals() {
    }

    /** The refusal {@code failure} is or wraps (a gateway wraps a handler's refusal), or null. */
    static Refusal find(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }

    /** Puts each field's message in {@code fieldErrors}; answers the message for the form as a whole, or null. */
    static String explain(Refusal refusal, Map<String, String> fieldErrors) {
        boolean placed = false;
        for (FieldProblem problem : refusal.problems()) {
            if (problem.field() != null) {
                fieldErrors.put(FIELDS.getOrDefault(problem.field(), problem.field()), chinese(problem.code()));
                placed = true;
            }
        }
        return placed ? null : chinese(refusal.code());
    }

    /** The code in Chinese; a code the screens do not know yet is shown as it is, after a general sentence. */
    static String chinese(String code) {
        String known = CHINESE.get(code);
        return known != null ? known : "账本拒绝了这次提交（" + code + "），什么也没有记录。";
    }
}
