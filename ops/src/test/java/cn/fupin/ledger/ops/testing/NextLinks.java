package cn.fupin.ledger.ops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keyset-paged list read as a client reads it (docs/api.md, "Lists"): the first page, then each page its
 * {@code Link: <…>; rel="next"} names, until a page has no {@code Link}.
 */
public final class NextLinks {

    /** More pages than any test's list has: a list whose links never end fails instead of running on. */
    private static final int PAGES_MAX = 1_000;

    private NextLinks() {
    }

    /**
     * Follows the next links from {@code path} as {@code reader}; answers each page's rows as {@code id} names them.
     * Asserts every page is a 200 with a JSON array and every link the header's form.
     */
    public static List<List<String>> follow(Api reader, String path, Function<JsonNode, String> id) {
        List<List<String>> pages = new ArrayList<>();
        String next = path;
        while (next != null) {
            Api.Response page = reader.get(next);
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            assertThat(page.json().isArray()).as("%s", page).isTrue();
            List<String> rows = new ArrayList<>();
            page.json().forEach(row -> rows.add(id.apply(row)));
            pages.add(rows);
            String link = page.header("Link");
            if (link == null) {
                next = null;
            } else {
                assertThat(link).matches("<http://[^>]+>; rel=\"next\"");
                next = link.substring(link.indexOf("/api/"), link.indexOf('>'));
            }
            assertThat(pages).as("the pages of %s end", path).hasSizeLessThan(PAGES_MAX);
        }
        return pages;
    }
}
