/**
 * The automatic publisher: an event-handling component (processing group {@code disclosure-publisher}) that decides
 * from the events which notices are due ({@link cn.fupin.ledger.disclosure.publisher.AutomaticNotices}, pure) and
 * publishes them ({@link cn.fupin.ledger.disclosure.publisher.AutomaticPublisher}). Unlike the renderers in
 * {@code page}, it may use Axon. It reads what an event lacks from the event store and the gazetteer, never from read
 * models, which may lag.
 */
package cn.fupin.ledger.disclosure.publisher;
