/**
 * The three-level public disclosure (county / township / village): decides from the events which notices are due
 * and renders them from query answers by pure functions (data in, HTML/JSON/CSV bytes out), so that the same bytes
 * are served live, written as a static site and hashed into each notice's publication event. Depends on
 * shared-events only. Built in step 4 of the plan; in step 1 the module exists so that its boundary is enforced.
 */
package cn.fupin.ledger.disclosure;
