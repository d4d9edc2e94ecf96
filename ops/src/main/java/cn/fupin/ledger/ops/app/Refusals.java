package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The API's refusals as the screens say them: each problem code in Chinese, beside its field where it names one. The
 * codes are the API's stable ones (docs/api.md), so a screen and a client are refused for the same reasons.
 */
final class Refusals {

    /**
     * The codes the screens know, in Chinese: every {@code app/refusals/*.properties} on the class path (one file per
     * area of the ledger, UTF-8). A code given two different texts is an error at start.
     */
    static final Map<String, String> CHINESE = load("classpath*:app/refusals/*.properties");

    /** The API's field names where a screen's differ (amounts are typed in yuan, sent in fen). */
    private static final Map<String, String> FIELDS = Map.of("amountFen", "amountYuan");

    private Refusals() {
    }

    static Map<String, String> load(String pattern) {
        Map<String, String> texts = new TreeMap<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                Properties read = new Properties();
                try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                    read.load(reader);
                }
                for (String code : read.stringPropertyNames()) {
                    String text = read.getProperty(code).strip();
                    String before = texts.putIfAbsent(code, text);
                    if (before != null && !before.equals(text)) {
                        throw new IllegalStateException("refusal " + code + " has two texts, one in " + file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(texts);
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
