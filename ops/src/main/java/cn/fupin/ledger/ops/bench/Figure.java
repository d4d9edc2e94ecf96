package cn.fupin.ledger.ops.bench;

import java.util.List;
import java.util.Locale;

/**
 * One measured figure of the harness beside its baseline (measured in the same run) and its target.
 *
 * @param name      what was measured, e.g. {@code commands at 8 clients}
 * @param value     the figure
 * @param unit      its unit, e.g. {@code /s} or {@code ms}
 * @param baseline  the same measure of the baseline, or null when it has none
 * @param baselineName what the baseline is, or null
 * @param target    the target (issue 13), or null
 * @param higherIsBetter whether the figure should be at least (true) or at most (false) the target
 */
record Figure(String name, double value, String unit, Double baseline, String baselineName, Double target,
              boolean higherIsBetter) {

    /** Whether the figure meets its target (true without one). */
    boolean met() {
        return target == null || (higherIsBetter ? value >= target : value <= target);
    }

    /** The figures as a table for the console: value, baseline, target, whether met. */
    static String table(List<Figure> figures) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-44s %14s %-6s %14s  %-42s %10s %s%n",
                "figure", "value", "unit", "baseline", "baseline is", "target", "met"));
        for (Figure figure : figures) {
            table.append(String.format(Locale.ROOT, "%-44s %14.2f %-6s %14s  %-42s %10s %s%n", figure.name(),
                    figure.value(), figure.unit(),
                    figure.baseline() == null ? "" : String.format(Locale.ROOT, "%.2f", figure.baseline()),
                    figure.baselineName() == null ? "" : figure.baselineName(),
                    figure.target() == null ? "" : String.format(Locale.ROOT, "%.0f", figure.target()),
                    figure.target() == null ? "" : figure.met() ? "yes" : "NO"));
        }
        return table.toString();
    }
}
