package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.CountyPage;
import cn.fupin.ledger.disclosure.page.NoticePage;
import cn.fupin.ledger.disclosure.page.Pages;
import cn.fupin.ledger.disclosure.page.Site;
import cn.fupin.ledger.disclosure.page.TownshipPage;
import cn.fupin.ledger.disclosure.page.VillagePage;
import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Renders a public page now, from the query side's answers ({@link DisclosurePageAssembler}) through the pure renderers
 * ({@link Pages}), by its path in the site: {@code index.html}, {@code years/<year>.html}, {@code <code>/index.html},
 * {@code notices/<id>.<format>}.
 * The one place where page bytes are made, for the re-renderer and for a page requested before it was stored.
 * <p>
 * Every rendering is timed in the timer {@value #RENDER_TIMER}, tagged with the kind of page (county, township,
 * village, notice, county-year, place-year), its format (html, json, csv) and the outcome (rendered; absent: no such page; failed): a fixed
 * few values, never a place code or a notice id.
 */
@Component
public class PageRenderer {

    static final String RENDER_TIMER = "ledger.disclosure.page.render";

    private static final Pattern PLACE = Pattern.compile("(\\d{9}|\\d{12})/index\\.html");
    private static final Pattern NOTICE = Pattern.compile(Site.NOTICES + "/(.+)\\.(html|json|csv)");
    private static final Pattern YEAR = Pattern.compile(Site.YEARS + "/([1-9]\\d{3})\\.html");
    private static final Pattern PLACE_YEAR = Pattern.compile("(\\d{9}|\\d{12})/([1-9]\\d{3})\\.html");

    private final DisclosurePageAssembler assembler;
    private final MeterRegistry meters;

    @Autowired
    public PageRenderer(DisclosurePageAssembler assembler, MeterRegistry meters) {
        this.assembler = assembler;
        this.meters = meters;
    }

    /** A renderer whose timings go nowhere (tests of the pages). */
    PageRenderer(DisclosurePageAssembler assembler) {
        this(assembler, new SimpleMeterRegistry());
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
        Matcher placeYear = PLACE_YEAR.matcher(path);
        if (placeYear.matches()) {
            return placeYear(placeYear.group(1), Integer.parseInt(placeYear.group(2)));
        }
        Matcher year = YEAR.matcher(path);
        if (year.matches()) {
            return countyYear(Integer.parseInt(year.group(1)));
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
        return timed("county", "html", () -> {
            CountyPage page = assembler.county();
            return Optional.of(new PublicPages.Rendered(Pages.county(page), ids(page.notices())));
        }).orElseThrow();
    }

    /** The county's page of one year; empty for a year with nothing of the county's. */
    Optional<PublicPages.Rendered> countyYear(int year) {
        return timed("county-year", "html", () -> assembler.countyYear(year)
                .map(page -> new PublicPages.Rendered(Pages.countyYear(page), ids(page.notices()))));
    }

    /** The page of one year of a township or a village; empty for a year with nothing of the place's. */
    Optional<PublicPages.Rendered> placeYear(String code, int year) {
        return timed("place-year", "html", () -> assembler.placeYear(code, year)
                .map(page -> new PublicPages.Rendered(Pages.placeYear(page), summaryIds(page.notices()))));
    }

    /** The page of a township (9 digits) or a village (12 digits) of the county; empty for any other code. */
    Optional<PublicPages.Rendered> place(String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (code.matches("\\d{9}")) {
            return timed("township", "html", () -> {
                Optional<TownshipPage> township = assembler.township(code);
                return township.map(page -> new PublicPages.Rendered(Pages.township(page), summaryIds(page.notices())));
            });
        }
        if (code.matches("\\d{12}")) {
            return timed("village", "html", () -> {
                Optional<VillagePage> village = assembler.village(code);
                return village.map(page -> new PublicPages.Rendered(Pages.village(page), summaryIds(page.notices())));
            });
        }
        return Optional.empty();
    }

    /** A published notice in one of its formats; the HTML page names the notice it corrects and its correction. */
    Optional<PublicPages.Rendered> notice(String noticeId, Site.NoticeFormat format) {
        return notice(noticeId, format, UnaryOperator.identity());
    }

    /** The same, with the notice page's data adjusted first (the static site's objection form). */
    Optional<PublicPages.Rendered> notice(String noticeId, Site.NoticeFormat format, UnaryOperator<NoticePage> adjust) {
        return timed("notice", format.name().toLowerCase(Locale.ROOT), () -> renderNotice(noticeId, format, adjust));
    }

    private Optional<PublicPages.Rendered> renderNotice(String noticeId, Site.NoticeFormat format,
                                                        UnaryOperator<NoticePage> adjust) {
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

    /** Renders a page, timing it by kind, format and outcome. */
    private Optional<PublicPages.Rendered> timed(String kind, String format,
                                                 Supplier<Optional<PublicPages.Rendered>> rendering) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            Optional<PublicPages.Rendered> rendered = rendering.get();
            outcome = rendered.isPresent() ? "rendered" : "absent";
            return rendered;
        } finally {
            sample.stop(Timer.builder(RENDER_TIMER)
                    .description("Renderings of a public page (from the read models to bytes)")
                    .tag("kind", kind)
                    .tag("format", format)
                    .tag("outcome", outcome)
                    .register(meters));
        }
    }

    DisclosurePageAssembler assembler() {
        return assembler;
    }

    private static List<String> ids(List<NoticeView> notices) {
        return notices.stream().map(notice -> notice.content().noticeId()).toList();
    }

    private static List<String> summaryIds(List<NoticeSummaryView> notices) {
        return notices.stream().map(NoticeSummaryView::noticeId).toList();
    }
}
