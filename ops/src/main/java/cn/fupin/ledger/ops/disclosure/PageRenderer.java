package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.CountyPage;
import cn.fupin.ledger.disclosure.page.NoticePage;
import cn.fupin.ledger.disclosure.page.Pages;
import cn.fupin.ledger.disclosure.page.Site;
import cn.fupin.ledger.disclosure.page.TownshipPage;
import cn.fupin.ledger.disclosure.page.VillagePage;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Renders a public page now, from the query side's answers ({@link DisclosurePageAssembler}) through the pure renderers
 * ({@link Pages}), by its path in the site: {@code index.html}, {@code <code>/index.html},
 * {@code notices/<id>.<format>}.
 * The one place where page bytes are made, for the re-renderer and for a page requested before it was stored.
 */
@Component
public class PageRenderer {

    private static final Pattern PLACE = Pattern.compile("(\\d{9}|\\d{12})/index\\.html");
    private static final Pattern NOTICE = Pattern.compile(Site.NOTICES + "/(.+)\\.(html|json|csv)");

    private final DisclosurePageAssembler assembler;

    public PageRenderer(DisclosurePageAssembler assembler) {
        this.assembler = assembler;
    }

    /** The page at the path, or empty when the site has no such page (yet, for a notice not yet published). */
    public Optional<PublicPages.Rendered> render(String path) {
        if (Site.COUNTY.equals(path)) {
            return Optional.of(county());
        }
        Matcher place = PLACE.matcher(path);
        if (place.matches()) {
            return place(place.group(1));
        }
        Matcher notice = NOTICE.matcher(path);
        if (notice.matches()) {
            for (Site.NoticeFormat format : Site.NoticeFormat.values()) {
                if (format.extension().equals(notice.group(2))) {
                    return notice(notice.group(1), format);
                }
            }
        }
        return Optional.empty();
    }

    PublicPages.Rendered county() {
        CountyPage page = assembler.county();
        return new PublicPages.Rendered(Pages.county(page), ids(page.notices()));
    }

    /** The page of a township (9 digits) or a village (12 digits) of the county; empty for any other code. */
    Optional<PublicPages.Rendered> place(String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (code.matches("\\d{9}")) {
            Optional<TownshipPage> township = assembler.township(code);
            return township.map(page -> new PublicPages.Rendered(Pages.township(page), ids(page.notices())));
        }
        if (code.matches("\\d{12}")) {
            Optional<VillagePage> village = assembler.village(code);
            return village.map(page -> new PublicPages.Rendered(Pages.village(page), ids(page.notices())));
        }
        return Optional.empty();
    }

    /** A published notice in one of its formats; the HTML page names the notice it corrects and its correction. */
    Optional<PublicPages.Rendered> notice(String noticeId, Site.NoticeFormat format) {
        return notice(noticeId, format, UnaryOperator.identity());
    }

    /** The same, with the notice page's data adjusted first (the static site's objection form). */
    Optional<PublicPages.Rendered> notice(String noticeId, Site.NoticeFormat format, UnaryOperator<NoticePage> adjust) {
        Optional<NoticePage> found = assembler.notice(noticeId).map(adjust);
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
            case JSON -> Pages.noticeJson(notice);
            case CSV -> Pages.noticeCsv(notice);
        };
        return Optional.of(new PublicPages.Rendered(bytes, format == Site.NoticeFormat.HTML ? linked : List.of()));
    }

    DisclosurePageAssembler assembler() {
        return assembler;
    }

    private static List<String> ids(List<NoticeView> notices) {
        return notices.stream().map(notice -> notice.content().noticeId()).toList();
    }
}
