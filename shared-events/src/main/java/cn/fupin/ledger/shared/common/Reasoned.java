package cn.fupin.ledger.shared.common;

/**
 * A command that carries the reason a person gave for it. The reason is copied into the metadata of every
 * event the command causes, so that an auditor sees why next to who.
 */
public interface Reasoned {

    String reason();
}
