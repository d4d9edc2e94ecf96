package cn.fupin.ledger.disclosure.page;

import java.nio.charset.StandardCharsets;

/**
 * The one stylesheet of the public pages. Mobile first: one column, 16 px text, tables that scroll sideways inside
 * their own box, so a page reads at 360 px. For print: A4 with 15 mm margins (the village notice board), black on
 * white, the table headings repeated on each sheet, navigation, the objection form and the items objections hold left
 * out (the copy on the board stays up for the whole period, while what objections hold changes from day to day). Form fields are at
 * least 16 px, so that a phone does not zoom into them, and fill the width.
 */
final class Stylesheet {

    static final String CSS = """
            /* 扶贫资金三级公告公示：手机优先，一栏排版；打印适合 A4 公告栏。 */
            *, *::before, *::after { box-sizing: border-box; }
            html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
            body { margin: 0; color: #1a1a1a; background: #fff; font-size: 16px; line-height: 1.6;
              font-family: "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; }
            header.site, main, footer.site { max-width: 48rem; margin: 0 auto; padding: 0 0.75rem; }
            header.site { border-bottom: 3px solid #b3261e; padding-top: 0.5rem; }
            .site-name { margin: 0; font-weight: bold; }
            .site-name a { color: #b3261e; text-decoration: none; }
            a { color: #0b57d0; }
            nav.breadcrumbs ol { list-style: none; margin: 0.25rem 0 0.5rem; padding: 0; display: flex; flex-wrap: wrap; }
            nav.breadcrumbs li + li::before { content: "›"; padding: 0 0.4rem; color: #666; }
            nav.toc ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
            h1 { font-size: 1.5rem; line-height: 1.3; margin: 1rem 0 0.5rem; }
            h2 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; border-left: 4px solid #b3261e; padding-left: 0.5rem; }
            h3 { font-size: 1.05rem; margin: 1rem 0 0.25rem; }
            .lead { color: #333; }
            .note, .meta, .notice-kind { color: #555; font-size: 0.9rem; }
            .empty { color: #666; }
            .badge { display: inline-block; padding: 0 0.35rem; border: 1px solid #b3261e; color: #b3261e; font-size: 0.8rem; }
            .alert, .correction { padding: 0.5rem 0.75rem; border: 2px solid #b3261e; background: #fdf1f0; }
            ul.notices { padding-left: 1.1rem; }
            ul.notices li { margin-bottom: 0.5rem; }
            ul.places { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
            .table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0.5rem 0 1rem; }
            table { border-collapse: collapse; width: 100%; font-size: 0.9375rem; }
            caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
            th, td { border: 1px solid #bbb; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; white-space: nowrap; }
            .num { text-align: right; white-space: nowrap; }
            dl { margin: 0.5rem 0 1rem; }
            dl > div { display: flex; flex-wrap: wrap; border-bottom: 1px solid #e3e3e3; padding: 0.25rem 0; }
            dt { flex: 0 0 7.5rem; color: #555; }
            dd { flex: 1 1 12rem; margin: 0; overflow-wrap: anywhere; }
            article.project, article.round { border-top: 1px solid #ccc; }
            code.hash { font-size: 0.8rem; overflow-wrap: anywhere; word-break: break-all; }
            section.objection-form { margin-top: 1.5rem; }
            .field { margin: 0 0 0.75rem; }
            .field label { display: block; font-weight: bold; margin-bottom: 0.25rem; }
            select, textarea, input[type="text"] { display: block; width: 100%; max-width: 100%; margin: 0;
              padding: 0.5rem; font: inherit; font-size: 1rem; color: inherit; background: #fff;
              border: 1px solid #767676; border-radius: 4px; }
            textarea { min-height: 9rem; resize: vertical; }
            button { font: inherit; font-size: 1.05rem; min-height: 2.75rem; padding: 0.5rem 1.75rem; border: 0;
              border-radius: 4px; color: #fff; background: #b3261e; cursor: pointer; }
            button:focus-visible, select:focus-visible, textarea:focus-visible, input:focus-visible {
              outline: 3px solid #0b57d0; outline-offset: 2px; }
            .received { padding: 0.5rem 0.75rem; border: 2px solid #1e7b34; background: #eef8f0; }
            ul.reasons { padding-left: 1.1rem; }
            footer.site { margin-top: 2rem; padding-top: 0.5rem; padding-bottom: 1.5rem; border-top: 1px solid #ccc;
              color: #555; font-size: 0.875rem; }
            section.summary { margin-bottom: 1.5rem; }
            ul.key-figures { list-style: none; padding: 0; margin: 0.5rem 0 1rem; display: grid;
              grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.5rem; }
            ul.key-figures li { border: 1px solid #ccc; border-top: 4px solid #b3261e; padding: 0.4rem 0.6rem; }
            ul.key-figures .figure-label { display: block; color: #555; font-size: 0.9rem; }
            ul.key-figures strong { font-size: 1.25rem; overflow-wrap: anywhere; }
            figure.chart { margin: 0.5rem 0 0.25rem; max-width: 36rem; }
            figure.chart svg { display: block; width: 100%; height: auto; }
            @page { size: A4; margin: 15mm }
            @media print {
              body { font-size: 10.5pt; line-height: 1.45; color: #000; }
              header.site, main, footer.site { max-width: none; padding: 0; margin: 0; }
              header.site { border-bottom: 1px solid #000; }
              nav.breadcrumbs, nav.toc, ul.downloads, section.objection-form, section.held { display: none; }
              a { color: #000; text-decoration: none; }
              h1 { font-size: 16pt; text-align: center; }
              h2 { font-size: 12pt; border-left: none; padding-left: 0; }
              h2, h3 { break-after: avoid; page-break-after: avoid; }
              .table-wrap { overflow: visible; }
              table { font-size: 9.5pt; }
              thead { display: table-header-group; }
              tr, dl > div, ul.notices li { break-inside: avoid; page-break-inside: avoid; }
              th { background: none; }
              th, td { border-color: #000; }
              .alert, .correction { background: none; border-color: #000; }
              ul.key-figures { display: block; }
              ul.key-figures li { border: none; padding: 0; }
              ul.key-figures .figure-label { display: inline; color: #000; }
              figure.chart { max-width: 120mm; break-inside: avoid; page-break-inside: avoid; }
              figure.chart rect.bar { fill: #555; }
            }
            """;

    private Stylesheet() {
    }

    static byte[] bytes() {
        return CSS.getBytes(StandardCharsets.UTF_8);
    }
}
