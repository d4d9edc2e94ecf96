/**
 * The public pages as pure functions (data in, UTF-8 bytes out): the county, township and village pages, each
 * notice as HTML (with its objection form), JSON and CSV, the stylesheet, the answers to a posted objection and the
 * not-found page. {@link cn.fupin.ledger.disclosure.page.Pages} is the entry point;
 * {@link cn.fupin.ledger.disclosure.page.Site} names where each page lives, so that the same bytes are served under
 * {@code /disclosure/} and written as a static site. Everything shown is escaped
 * ({@link cn.fupin.ledger.disclosure.page.Html#escape}); no personal data is ever handed to these functions.
 */
package cn.fupin.ledger.disclosure.page;
