package cn.fupin.ledger.shared.disclosure;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A notice was published by {@code publishedBy} at {@code publishedAt}: of {@code kind}, at {@code level} for the
 * place {@code placeCode}, titled {@code title}, listing {@code items} (ids of projects, disbursements or
 * appropriations, each held from payment during the period and while objected to). {@code content} is the whole
 * notice as published, so that it can be rendered from the events forever; {@code contentSha256} is the lowercase
 * hex SHA-256 of its canonical JSON ({@link NoticeJson}), computed when it was published. The publicity period
 * (公示期) runs until {@code periodEndsAt}, the end of the content's {@code periodEnd} day in China Standard Time;
 * anyone may object until then. {@code supersedes} is the notice this one corrects, or {@code null}.
 */
@Revision("1")
public record NoticePublishedEvent(
        String noticeId,
        NoticeKind kind,
        NoticeLevel level,
        String placeCode,
        String title,
        List<String> items,
        NoticeContent content,
        String contentSha256,
        Instant publishedAt,
        Instant periodEndsAt,
        String supersedes,
        String publishedBy) {
}
