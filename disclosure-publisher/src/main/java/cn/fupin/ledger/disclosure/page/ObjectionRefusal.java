package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeView;
import java.util.List;

/**
 * What a villager sees when an objection posted from a notice's page was not recorded: why, in Chinese, and what to
 * do instead. Never the submitted text or contact, never a stack trace.
 *
 * @param path              where the notice sits (the county's when the notice is unknown)
 * @param notice            the notice as the public pages show it, or {@code null} when there is none (or the public
 *                          pages do not know it yet)
 * @param codes             the ledger's stable codes of the refusal, one per problem ({@code TEXT_REQUIRED},
 *                          {@code OBJECTION_PERIOD_ENDED}, {@code RATE_LIMITED}, …); at least one
 * @param incident          the incident id of an internal error, to quote to the staff, or {@code null}
 * @param retryAfterSeconds when too many objections came from the address: after how many seconds another is taken
 *                          (0 otherwise)
 */
public record ObjectionRefusal(PlacePath path, NoticeView notice, List<String> codes, String incident,
                               long retryAfterSeconds) {

    public ObjectionRefusal {
        if (path == null || codes == null || codes.isEmpty()) {
            throw new IllegalArgumentException("a refusal names the place and at least one reason");
        }
        codes = List.copyOf(codes);
    }
}
