package cn.fupin.ledger.disclosure.page;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds a page. Values go in only through {@link #text}, {@link #element}, {@link #link} and the table and list
 * helpers, which escape them; {@link #markup} takes the page's own fixed markup (string literals of this package),
 * never a value.
 */
final class HtmlWriter {

    private final StringBuilder html = new StringBuilder(16 * 1024);

    /** Fixed markup written by the renderers themselves; never pass a value here. */
    HtmlWriter markup(String fixedMarkup) {
        html.append(fixedMarkup);
        return this;
    }

    HtmlWriter text(String value) {
        html.append(Html.escape(value));
        return this;
    }

    /** {@code <tag>text</tag>}, the text escaped. */
    HtmlWriter element(String tag, String text) {
        return markup("<" + tag + ">").text(text).markup("</" + tag + ">");
    }

    /** {@code <tag class="…">text</tag>}, the text escaped. */
    HtmlWriter element(String tag, String cssClass, String text) {
        return markup("<" + tag + " class=\"" + cssClass + "\">").text(text).markup("</" + tag + ">");
    }

    /** A link; the target and the text are escaped. */
    HtmlWriter link(String href, String text) {
        return markup("<a href=\"").text(href).markup("\">").text(text).markup("</a>");
    }

    /** A paragraph of the given class. */
    HtmlWriter paragraph(String cssClass, String text) {
        return element("p", cssClass, text);
    }

    /** A term and its description inside a {@code <dl>}, grouped so that print keeps them together. */
    HtmlWriter term(String term, String description) {
        return markup("<div>").element("dt", term).element("dd", description).markup("</div>\n");
    }

    /**
     * A term and a public office's phone number, which a phone can dial with one tap ({@code tel:}); text that is not
     * a phone number is shown as it is. Only offices' numbers are ever shown: the supervision phone and 12317.
     */
    HtmlWriter phoneTerm(String term, String phone) {
        markup("<div>").element("dt", term).markup("<dd>");
        if (phone != null && phone.matches("\\+?[0-9][0-9 -]{1,30}")) {
            link("tel:" + phone.replace(" ", ""), phone);
        } else {
            text(phone == null || phone.isBlank() ? "—" : phone);
        }
        return markup("</dd></div>\n");
    }

    /** A table of cells under its headings, in a wrapper that scrolls sideways on a narrow phone screen. */
    HtmlWriter table(String caption, List<Column> columns, List<List<Cell>> rows) {
        markup("<div class=\"table-wrap\"><table>");
        if (caption != null) {
            element("caption", caption);
        }
        markup("<thead><tr>");
        for (Column column : columns) {
            markup(column.numeric() ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
                    .text(column.heading()).markup("</th>");
        }
        markup("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
            markup("<tr>");
            for (int i = 0; i < row.size(); i++) {
                Cell cell = row.get(i);
                markup(columns.get(i).numeric() ? "<td class=\"num\">" : "<td>");
                if (cell.href() == null) {
                    text(cell.text());
                } else {
                    link(cell.href(), cell.text());
                }
                markup("</td>");
            }
            markup("</tr>\n");
        }
        return markup("</tbody></table></div>\n");
    }

    byte[] bytes() {
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A column: its heading, and whether it holds numbers (aligned right). */
    record Column(String heading, boolean numeric) {

        static Column text(String heading) {
            return new Column(heading, false);
        }

        static Column number(String heading) {
            return new Column(heading, true);
        }
    }

    /** A cell: its text, and a link target or {@code null}. */
    record Cell(String text, String href) {

        static Cell of(String text) {
            return new Cell(text, null);
        }

        static Cell link(String text, String href) {
            return new Cell(text, href);
        }
    }
}
