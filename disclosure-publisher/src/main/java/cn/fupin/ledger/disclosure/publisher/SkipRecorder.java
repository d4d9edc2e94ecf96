package cn.fupin.ledger.disclosure.publisher;

import cn.fupin.ledger.shared.disclosure.RecordNoticeSkipCommand;

/**
 * Records a notice the publisher had to skip, as the system process {@code system:disclosure-publisher}: the assembly
 * (ops) sends the command and waits for it, like {@link NoticeSender}. A failure to record propagates, so the processor
 * retries the event rather than losing the skip.
 */
@FunctionalInterface
public interface SkipRecorder {

    void record(RecordNoticeSkipCommand command);
}
