package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.disclosure.page.HtmlWriter.Cell;
import cn.fupin.ledger.disclosure.page.HtmlWriter.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn on the server as inline SVG (no script, no external file, so the page stays one pure
 * function of its data and prints as it shows), always followed by a table of the same figures: the table is what a
 * screen reader reads and what stays exact, the bars are what a villager takes in at a glance. Each bar has its label
 * and amount on a line of its own above it, so that the chart reads at a phone's width without shrinking its text to
 * nothing.
 */
final class BarChart {

    /** The chart's width in SVG units: the longest bar spans it. */
    static final int WIDTH = 400;
    /** The height of one bar with its line of text above it, in SVG units. */
    static final int ROW = 44;
    private static final int TEXT_BASELINE = 16;
    private static final int BAR_TOP = 22;
    private static final int BAR_HEIGHT = 14;
    /** Dark enough against white for the text, and the bar's red is the site's own. */
    private static final String TEXT_COLOUR = "#1a1a1a";
    private static final String BAR_COLOUR = "#b3261e";

    private BarChart() {
    }

    /**
     * One bar: its label, its value in the chart's unit (fen, or tenths of a percent), the same value as people read it,
     * and, if any, the page its label links to in the table.
     */
    record Bar(String label, long value, String valueText, String href) {

        Bar {
            if (value < 0) {
                throw new IllegalArgumentException("a bar is never negative: " + value);
            }
        }

        static Bar of(String label, long value, String valueText) {
            return new Bar(label, value, valueText, null);
        }
    }

    /**
     * The length of a bar of {@code value} on a scale whose full width is {@code scale}: exactly proportional, rounded
     * down, in whole SVG units; a value above zero gets at least one unit, so that a small sum is seen to be there.
     */
    static long length(long value, long scale) {
        if (scale <= 0 || value <= 0) {
            return 0;
        }
        long length = Math.multiplyExact(Math.min(value, scale), (long) WIDTH) / scale;
        return Math.max(1, length);
    }

    /** The largest value of the bars (the scale of a chart of amounts), or 0 for none. */
    static long largest(List<Bar> bars) {
        return bars.stream().mapToLong(Bar::value).max().orElse(0);
    }

    /**
     * The chart and its table: {@code id} names the chart (unique on the page), {@code title} says what it shows (the
     * image's accessible name and the table's caption), {@code scale} is the value of a full-width bar.
     */
    static void write(HtmlWriter page, String id, String title, String labelHeading, String valueHeading,
                      List<Bar> bars, long scale) {
        int height = Math.max(1, bars.size()) * ROW;
        page.markup("<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 "
                        + WIDTH + " " + height + "\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\""
                        + " aria-labelledby=\"" + id + "-title\" id=\"" + id + "\">\n<title id=\"" + id + "-title\">")
                .text(title).markup("</title>\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int top = i * ROW;
            page.markup("<text x=\"0\" y=\"" + (top + TEXT_BASELINE) + "\" font-size=\"14\" fill=\"" + TEXT_COLOUR
                    + "\">").text(bar.label()).markup("</text>")
                    .markup("<text x=\"" + WIDTH + "\" y=\"" + (top + TEXT_BASELINE) + "\" font-size=\"14\" fill=\""
                            + TEXT_COLOUR + "\" text-anchor=\"end\">").text(bar.valueText()).markup("</text>")
                    .markup("<rect class=\"bar\" x=\"0\" y=\"" + (top + BAR_TOP) + "\" width=\""
                            + length(bar.value(), scale) + "\" height=\"" + BAR_HEIGHT + "\" fill=\"" + BAR_COLOUR
                            + "\"/>\n");
        }
        page.markup("</svg>\n</figure>\n");
        List<List<Cell>> rows = new ArrayList<>();
        for (Bar bar : bars) {
            rows.add(List.of(bar.href() == null ? Cell.of(bar.label()) : Cell.link(bar.label(), bar.href()),
                    Cell.of(bar.valueText())));
        }
        page.table(title, List.of(Column.text(labelHeading), Column.number(valueHeading)), rows);
    }
}
