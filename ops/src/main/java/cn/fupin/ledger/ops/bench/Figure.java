package cn.fupin.ledger.ops.bench;

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
}
