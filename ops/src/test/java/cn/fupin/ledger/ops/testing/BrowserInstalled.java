package cn.fupin.ledger.ops.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser test (the one test that uses it) when Debian's chromium and chromedriver are installed, and skips
 * it — loudly, naming what is missing, in the build's output — when they are not, so that a plain
 * {@code ./mvnw verify} passes on a machine without a browser. With {@code -Dledger.browser-test.required=true},
 * which {@code ./test} (and so CI) sets after installing them, the test always runs and fails without them: the
 * README's test command never skips it.
 */
public final class BrowserInstalled implements ExecutionCondition {

    /** The system property (passed on by surefire) that makes the browser test required. */
    public static final String REQUIRED = "ledger.browser-test.required";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Boolean.getBoolean(REQUIRED)) {
            return ConditionEvaluationResult.enabled(REQUIRED + " is set: the browser test runs, and fails without a "
                    + "browser");
        }
        List<Path> missing = Stream.of(Chromium.BROWSER, Chromium.DRIVER).filter(path -> !Files.isExecutable(path))
                .toList();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("chromium and chromedriver are installed");
        }
        String reason = context.getDisplayName() + " SKIPPED: " + missing.stream().map(Path::toString)
                .collect(Collectors.joining(" and ")) + " not installed. Run ./test (the README's test command), which "
                + "installs chromium, chromium-driver and fonts-noto-cjk and runs every test, this one included.";
        String rule = "!".repeat(Math.min(reason.length(), 120));
        System.err.println(rule + System.lineSeparator() + reason + System.lineSeparator() + rule);
        return ConditionEvaluationResult.disabled(reason);
    }
}
