package cn.fupin.ledger.query.common;

import cn.fupin.ledger.shared.common.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Keyset paging of a list ordered by an instant, then an id, or by an id alone ({@code docs/api.md}, "Lists"): {@code ?size=} rows at
 * most (1–{@value #SIZE_MAX}, {@value #SIZE_MAX} when omitted) after {@code ?after=<cursor>}. The answer stays the JSON
 * array the list always was; when a further page may exist it carries {@code Link: <…&after=…>; rel="next"}. The
 * cursor is opaque to clients (base64url of the list's name, the last row's instant and id), so a page costs the same
 * however deep, and a cursor of one list is refused by every other. Which way the list runs (oldest or newest first)
 * is its repository's: the cursor only names the row the page starts after.
 *
 * @param list         the name of the list the cursor belongs to ({@code disbursements}, {@code notices}, …)
 * @param afterInstant the instant the page starts after (null for the first page, or for a list ordered by id alone)
 * @param afterId      the id the page starts after, or null for the first page
 * @param size         the rows the page holds at most
 */
public record KeysetPage(String list, Instant afterInstant, String afterId, int size) {

    public static final int SIZE_MAX = 1000;

    /** A page of the list named {@code list}, ordered by an instant, then an id; a bad size or a cursor not of this list is a 422. */
    public static KeysetPage of(String list, Integer size, String after) {
        return of(list, size, after, true);
    }

    /** A page of the list named {@code list}, ordered by id alone; a bad size or a cursor not of this list is a 422. */
    public static KeysetPage byId(String list, Integer size, String after) {
        return of(list, size, after, false);
    }

    private static KeysetPage of(String list, Integer size, String after, boolean withInstant) {
        int rows = size == null ? SIZE_MAX : size;
        if (rows < 1 || rows > SIZE_MAX) {
            throw Refusal.invalidField("INVALID_PAGE_SIZE", "size", "a page holds 1 to " + SIZE_MAX + " rows");
        }
        if (after == null || after.isBlank()) {
            return new KeysetPage(list, null, null, rows);
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            String prefix = list + "|";
            if (!decoded.startsWith(prefix)) {
                throw new IllegalArgumentException("not a cursor of this list");
            }
            String key = decoded.substring(prefix.length());
            int bar = key.indexOf('|');
            if (bar < 0 || bar == key.length() - 1 || (bar == 0) == withInstant) {
                throw new IllegalArgumentException("not a cursor of this list");
            }
            Instant instant = withInstant ? Instant.parse(key.substring(0, bar)) : null;
            return new KeysetPage(list, instant, key.substring(bar + 1), rows);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalidCursor();
        }
    }

    private static Refusal invalidCursor() {
        return Refusal.invalidField("INVALID_CURSOR", "after",
                "after is the cursor of a Link: rel=\"next\" header, unchanged");
    }

    /** The id the page starts after, for a list whose ids are numbers (null for the first page); a 422 when it is not one. */
    public Long afterNumber() {
        if (afterId == null) {
            return null;
        }
        try {
            return Long.parseLong(afterId);
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
    }

    /** The rows to ask the store for: one more than the page, to know whether a next page exists. */
    public int fetch() {
        return size + 1;
    }

    /**
     * The answer: at most {@link #size} of {@code fetched} (asked with {@link #fetch}), with a {@code Link} to the next
     * page after the last row shown when more were fetched. {@code instantOf} is null for a list ordered by id alone.
     */
    public <T> ResponseEntity<List<T>> answer(List<T> fetched, Function<T, Instant> instantOf, Function<T, String> idOf) {
        return answer(fetched, instantOf, idOf, Function.identity());
    }

    /**
     * The answer, as {@link #answer(List, Function, Function)}, for rows that carry their place in the order beside what
     * the list shows of them: each row shown is {@code shown} of it.
     */
    public <R, T> ResponseEntity<List<T>> answer(List<R> fetched, Function<R, Instant> instantOf,
                                                 Function<R, String> idOf, Function<R, T> shown) {
        List<R> page = fetched.size() <= size ? fetched : fetched.subList(0, size);
        List<T> rows = page.stream().map(shown).toList();
        if (fetched.size() <= size) {
            return ResponseEntity.ok(rows);
        }
        R last = page.get(size - 1);
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (list + "|" + (instantOf == null ? "" : instantOf.apply(last).toString()) + "|" + idOf.apply(last))
                        .getBytes(StandardCharsets.UTF_8));
        String next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("after", cursor).replaceQueryParam("size", size).build().toUriString();
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").body(rows);
    }
}
