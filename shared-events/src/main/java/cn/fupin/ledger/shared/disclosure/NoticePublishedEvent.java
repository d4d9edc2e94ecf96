package cn.fupin.ledger.shared.disclosure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A notice was published by {@code publishedBy} at {@code publishedAt}: of {@code kind}, at {@code level} for the
 * place {@code placeCode}, titled {@code title}, listing {@code items} (ids of projects, disbursements or
 * appropriations, each held from payment during the period and while objected to). {@code content} is the whole
 * notice as data. {@code contentJson} is the notice exactly as published: its canonical JSON ({@link NoticeJson}),
 * rendered once at publication, whose UTF-8 bytes are what {@code notices/<id>.json} serves for ever and whose
 * lowercase hex SHA-256 is {@code contentSha256}; an event whose bytes do not hash to its recorded SHA-256 cannot be
 * made (nor read back). {@code kindName} and {@code levelName} are the names of its kind and level it was published
 * with (资金分配公告, 村), which its pages show whatever the code calls them later. The publicity period (公示期) runs
 * until {@code periodEndsAt}, the end of the content's {@code periodEnd} day in China Standard Time; anyone may object
 * until then. {@code supersedes} is the notice this one corrects, or {@code null}.
 *
 * <p>Revision 2 added {@code contentJson}, {@code kindName} and {@code levelName}; revision 1 held the content and
 * its hash only, and is read through {@code NoticePublishedEventUpcaster}.
 */
@Revision("2")
public record NoticePublishedEvent(
        String noticeId,
        NoticeKind kind,
        NoticeLevel level,
        String placeCode,
        String title,
        List<String> items,
        NoticeContent content,
        String contentJson,
        String contentSha256,
        String kindName,
        String levelName,
        Instant publishedAt,
        Instant periodEndsAt,
        String supersedes,
        String publishedBy) {

    public NoticePublishedEvent {
        if (contentJson == null || contentSha256 == null
                || !NoticeJson.sha256(contentJson.getBytes(StandardCharsets.UTF_8)).equals(contentSha256)) {
            throw new IllegalArgumentException("notice " + noticeId + ": the recorded SHA-256 is not that of the "
                    + "recorded bytes");
        }
    }

    /**
     * The publication of {@code content} now: its canonical JSON rendered with today's names of its kind and level,
     * and hashed.
     */
    public static NoticePublishedEvent of(NoticeContent content, List<String> items, Instant publishedAt,
                                          Instant periodEndsAt, String publishedBy) {
        String kindName = content.kind().chineseName();
        byte[] json = NoticeJson.render(content, kindName);
        return new NoticePublishedEvent(content.noticeId(), content.kind(), content.level(), content.placeCode(),
                content.title(), List.copyOf(items), content, new String(json, StandardCharsets.UTF_8),
                NoticeJson.sha256(json), kindName, content.level().chineseName(), publishedAt, periodEndsAt,
                content.supersedes(), publishedBy);
    }

    /** The published bytes: the UTF-8 of {@code contentJson}, exactly what was hashed. */
    public byte[] contentBytes() {
        return contentJson.getBytes(StandardCharsets.UTF_8);
    }
}
