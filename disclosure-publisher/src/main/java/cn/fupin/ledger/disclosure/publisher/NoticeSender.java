package cn.fupin.ledger.disclosure.publisher;

import cn.fupin.ledger.shared.disclosure.PublishNoticeCommand;

/**
 * Sends a publication and waits for it, as the system process {@code system:disclosure-publisher}: the assembly (ops)
 * provides it, because who sends a command is the command side's and the web layer's business, not the publisher's.
 * A refused publication throws the {@link cn.fupin.ledger.shared.common.Refusal}.
 */
@FunctionalInterface
public interface NoticeSender {

    void send(PublishNoticeCommand command);
}
