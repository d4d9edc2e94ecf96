package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.Pages;
import cn.fupin.ledger.disclosure.page.Site;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every public page as bytes: the one place where the live pages and the static site get them, so both hold the
 * same bytes — except a notice's objection form, which only the live ledger can take. A page comes from the store of
 * rendered pages ({@link PageStore}), which the re-renderer ({@link PageRefresher}) keeps up to date as events arrive;
 * a page not stored yet (a fresh database, a page no event has touched, a page of another renderer) is rendered now,
 * stored and served, so every page answers from the first request. Live, a notice's form posts back to the page's own
 * server; in the static site it posts to the live site named by {@code ledger.disclosure.live-address} (e.g.
 * {@code https://fupin.example.gov.cn/disclosure/}), and without that setting the static notice pages carry no form
 * but say where else to object (those pages are rendered for the export, never stored). Each answer also names the
 * notices the page links to, so that the static site can follow them.
 */
@Component
public class PublicPages {

    /** Where the live site is served; the not-found page and the answers to an objection link back here. */
    static final String LIVE_ROOT = "/disclosure/";

    private final PageRenderer renderer;
    private final PageStore store;
    private final String liveAddress;

    public PublicPages(PageRenderer renderer, PageStore store,
                       @Value("${ledger.disclosure.live-address:}") String liveAddress) {
        this.renderer = renderer;
        this.store = store;
        this.liveAddress = liveAddress == null || liveAddress.isBlank() ? null
                : checkedLiveAddress(liveAddress.strip());
    }

    /**
     * The live site's address as the static site's forms post to it: an absolute http or https address of the
     * folder the live pages are served from, ending in a slash, with nothing that would need escaping in a URL.
     */
    static String checkedLiveAddress(String address) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawPath() == null
                || !uri.getRawPath().endsWith("/")) {
            throw new IllegalArgumentException("ledger.disclosure.live-address is the absolute http(s) address of the "
                    + "live public pages, ending in /, such as https://fupin.example.gov.cn/disclosure/");
        }
        return address;
    }

    /** A page's bytes and the ids of the notices it links to. */
    public record Rendered(byte[] bytes, List<String> noticeIds) {

        public Rendered {
            noticeIds = List.copyOf(noticeIds);
        }
    }

    public Rendered county() {
        return served(Site.COUNTY).orElseThrow(() -> new IllegalStateException("the county page cannot be rendered"));
    }

    /**
     * The county's page of one year ({@code years/<year>.html}), or empty for a year with nothing of the county's.
     * Rendered at each request, never stored: it lists one year of the county however long the history, so it costs
     * what a list of the API costs, and no event has to name the year pages it changes.
     */
    public Optional<Rendered> countyYear(int year) {
        return renderer.countyYear(year);
    }

    /** The years that have a page of their own, newest first. */
    public List<Integer> countyYears() {
        return renderer.assembler().countyYears();
    }

    /**
     * The page of one year of a township or a village ({@code <code>/<year>.html}), or empty for a year with nothing
     * of the place's. Rendered at each request and never stored, like the county's pages by year: it lists one year
     * of one place, and no event has to name the year pages it changes.
     */
    public Optional<Rendered> placeYear(String code, int year) {
        if (code == null || !code.matches("\\d{9}|\\d{12}")) {
            return Optional.empty();
        }
        return renderer.placeYear(code, year);
    }

    /** The years of a township or a village that have a page of their own, newest first. */
    public List<Integer> placeYears(String code) {
        return renderer.assembler().placeYears(code);
    }

    /** The page of a township (9 digits) or a village (12 digits) of the county; empty for any other code. */
    public Optional<Rendered> place(String code) {
        if (code == null || !code.matches("\\d{9}|\\d{12}")) {
            return Optional.empty();
        }
        return served(Site.place(code));
    }

    /** A published notice in one of its formats; the HTML page names the notice it corrects and its correction. */
    public Optional<Rendered> notice(String noticeId, Site.NoticeFormat format) {
        if (!Site.isSafeNoticeId(noticeId)) {
            return Optional.empty();
        }
        return served(Site.notice(noticeId, format));
    }

    /**
     * A published notice for the static site: as served live, except that its page's objection form posts to the
     * configured live site, or is left out when none is configured. Rendered for the export, never stored.
     */
    public Optional<Rendered> staticSiteNotice(String noticeId, Site.NoticeFormat format) {
        if (!Site.isSafeNoticeId(noticeId)) {
            return Optional.empty();
        }
        if (format != Site.NoticeFormat.HTML) {
            return notice(noticeId, format);
        }
        return renderer.notice(noticeId, format, page -> page.withLiveRoot(liveAddress));
    }

    public byte[] stylesheet() {
        return Pages.stylesheet();
    }

    public byte[] notFound() {
        return Pages.notFound(renderer.assembler().gazetteer().county().name(), LIVE_ROOT);
    }

    /** The townships of the county, and their villages, in the gazetteer's order: every place that has a page. */
    public List<String> placeCodes() {
        List<String> codes = new ArrayList<>();
        renderer.assembler().gazetteer().townships().forEach(township -> {
            codes.add(township.code());
            renderer.assembler().gazetteer().villagesOf(township.code()).forEach(village -> codes.add(village.code()));
        });
        return codes;
    }

    /** Whether the code names a township or a village of the county. */
    public boolean hasPlace(String code) {
        return code != null && (renderer.assembler().gazetteer().township(code).isPresent()
                || renderer.assembler().gazetteer().hasVillage(code));
    }

    /** The stored page, or the page rendered now and stored for the next request; empty when there is no such page. */
    private Optional<Rendered> served(String path) {
        Optional<Rendered> stored = store.find(path);
        if (stored.isPresent()) {
            return stored;
        }
        long handledUpTo = store.handledUpTo();
        Optional<Rendered> rendered = renderer.render(path);
        rendered.ifPresent(page -> store.keepFirstRendering(path, page, handledUpTo));
        return rendered;
    }
}
