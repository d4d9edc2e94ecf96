package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.CountyPage;
import cn.fupin.ledger.disclosure.page.NoticePage;
import cn.fupin.ledger.disclosure.page.Pages;
import cn.fupin.ledger.disclosure.page.Site;
import cn.fupin.ledger.disclosure.page.TownshipPage;
import cn.fupin.ledger.disclosure.page.VillagePage;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every public page as bytes: the one place where the live pages and the static site get them, so both hold the
 * same bytes — except a notice's objection form, which only the live ledger can take. Live, the form posts back to
 * the page's own server; in the static site it posts to the live site named by {@code ledger.disclosure.live-address}
 * (e.g. {@code https://fupin.example.gov.cn/disclosure/}), and without that setting the static notice pages carry no
 * form but say where else to object. Each answer also names the notices the page links to, so that the static site
 * can follow them.
 */
@Component
public class PublicPages {

    /** Where the live site is served; the not-found page and the answers to an objection link back here. */
    static final String LIVE_ROOT = "/disclosure/";

    private final DisclosurePageAssembler assembler;
    private final String liveAddress;

    public PublicPages(DisclosurePageAssembler assembler,
                       @Value("${ledger.disclosure.live-address:}") String liveAddress) {
        this.assembler = assembler;
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
        CountyPage page = assembler.county();
        return new Rendered(Pages.county(page), ids(page.notices()));
    }

    /** The page of a township (9 digits) or a village (12 digits) of the county; empty for any other code. */
    public Optional<Rendered> place(String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (code.matches("\\d{9}")) {
            Optional<TownshipPage> township = assembler.township(code);
            return township.map(page -> new Rendered(Pages.township(page), ids(page.notices())));
        }
        if (code.matches("\\d{12}")) {
            Optional<VillagePage> village = assembler.village(code);
            return village.map(page -> new Rendered(Pages.village(page), ids(page.notices())));
        }
        return Optional.empty();
    }

    /**
     * A published notice in one of its formats as served live; the HTML page names the notice it corrects and its
     * correction.
     */
    public Optional<Rendered> notice(String noticeId, Site.NoticeFormat format) {
        return notice(assembler.notice(noticeId), format);
    }

    /**
     * A published notice for the static site: as served live, except that its page's objection form posts to the
     * configured live site, or is left out when none is configured.
     */
    public Optional<Rendered> staticSiteNotice(String noticeId, Site.NoticeFormat format) {
        return notice(assembler.notice(noticeId).map(page -> page.withLiveRoot(liveAddress)), format);
    }

    private static Optional<Rendered> notice(Optional<NoticePage> found, Site.NoticeFormat format) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        NoticeView notice = found.get().notice();
        List<String> linked = new ArrayList<>();
        if (notice.content().supersedes() != null) {
            linked.add(notice.content().supersedes());
        }
        if (notice.supersededBy() != null) {
            linked.add(notice.supersededBy());
        }
        byte[] bytes = switch (format) {
            case HTML -> Pages.notice(found.get());
            case JSON -> Pages.noticeJson(notice.content());
            case CSV -> Pages.noticeCsv(notice.content());
        };
        return Optional.of(new Rendered(bytes, format == Site.NoticeFormat.HTML ? linked : List.of()));
    }

    public byte[] stylesheet() {
        return Pages.stylesheet();
    }

    public byte[] notFound() {
        return Pages.notFound(assembler.gazetteer().county().name(), LIVE_ROOT);
    }

    /** The townships of the county, and their villages, in the gazetteer's order: every place that has a page. */
    public List<String> placeCodes() {
        List<String> codes = new ArrayList<>();
        assembler.gazetteer().townships().forEach(township -> {
            codes.add(township.code());
            assembler.gazetteer().villagesOf(township.code()).forEach(village -> codes.add(village.code()));
        });
        return codes;
    }

    /** Whether the code names a township or a village of the county. */
    public boolean hasPlace(String code) {
        return code != null && (assembler.gazetteer().township(code).isPresent() || assembler.gazetteer().hasVillage(code));
    }

    private static List<String> ids(List<NoticeView> notices) {
        return notices.stream().map(notice -> notice.content().noticeId()).toList();
    }
}
