package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the public pages to a folder as a static site, for any web server (or a USB stick for a village screen):
 * {@code index.html} (the county) and {@code years/<year>.html}, {@code <code>/index.html} for every township and
 * village of the county with {@code <code>/<year>.html} for each of its years,
 * {@code notices/<id>.html|.json|.csv} for every notice the pages link to, and {@code style.css}. The bytes are those
 * the live pages serve ({@link PublicPages}), except a notice's objection form: a static server cannot take an
 * objection, so the form posts to the live site ({@code ledger.disclosure.live-address}) or, without one, is replaced
 * by where else to object. Every link between the pages is relative. Each file is written to a
 * temporary file and moved into place, so a web server serving the folder never sends half a page. Files of the
 * folder that the site no longer has are left alone.
 */
@Component
public class DisclosureSiteWriter {

    private static final Logger log = LoggerFactory.getLogger(DisclosureSiteWriter.class);

    private final PublicPages pages;

    public DisclosureSiteWriter(PublicPages pages) {
        this.pages = pages;
    }

    /** What a run wrote: how many files, pages of places, notices, and how long it took. */
    public record Written(Path folder, int files, int places, int notices, Duration took) {
    }

    public Written write(Path folder) throws IOException {
        long started = System.nanoTime();
        Path root = folder.toAbsolutePath().normalize();
        Files.createDirectories(root);
        int files = 0;
        write(root, Site.STYLESHEET, pages.stylesheet());
        files++;
        PublicPages.Rendered county = pages.county();
        write(root, Site.COUNTY, county.bytes());
        files++;
        Set<String> seen = new LinkedHashSet<>(county.noticeIds());
        Deque<String> notices = new ArrayDeque<>(county.noticeIds());
        // The county page lists its newest notices; every older one is on the page of its year.
        for (int year : pages.countyYears()) {
            Optional<PublicPages.Rendered> ofYear = pages.countyYear(year);
            if (ofYear.isEmpty()) {
                throw new IllegalStateException("the year " + year + " the county page names has no page");
            }
            write(root, Site.year(year), ofYear.get().bytes());
            files++;
            for (String id : ofYear.get().noticeIds()) {
                if (seen.add(id)) {
                    notices.add(id);
                }
            }
        }
        int places = 0;
        for (String code : pages.placeCodes()) {
            Optional<PublicPages.Rendered> place = pages.place(code);
            if (place.isEmpty()) {
                throw new IllegalStateException("the gazetteer's place " + code + " has no page");
            }
            write(root, Site.place(code), place.get().bytes());
            files++;
            places++;
            for (String id : place.get().noticeIds()) {
                if (seen.add(id)) {
                    notices.add(id);
                }
            }
            // A place's page lists its newest notices (and a village's, the current year's payments); every year's
            // are on the place's page of that year.
            for (int year : pages.placeYears(code)) {
                Optional<PublicPages.Rendered> ofYear = pages.placeYear(code, year);
                if (ofYear.isEmpty()) {
                    throw new IllegalStateException("the year " + year + " the page of " + code + " names has no page");
                }
                write(root, Site.placeYear(code, year), ofYear.get().bytes());
                files++;
                for (String id : ofYear.get().noticeIds()) {
                    if (seen.add(id)) {
                        notices.add(id);
                    }
                }
            }
        }
        int written = 0;
        while (!notices.isEmpty()) {
            String id = notices.poll();
            if (!Site.isSafeNoticeId(id)) {
                log.error("notice id {} cannot name a file; the notice is left out of the static site", id);
                continue;
            }
            Optional<PublicPages.Rendered> html = pages.staticSiteNotice(id, Site.NoticeFormat.HTML);
            if (html.isEmpty()) {
                log.warn("notice {} is linked but not found; left out of the static site", id);
                continue;
            }
            write(root, Site.notice(id, Site.NoticeFormat.HTML), html.get().bytes());
            write(root, Site.notice(id, Site.NoticeFormat.JSON),
                    pages.staticSiteNotice(id, Site.NoticeFormat.JSON).orElseThrow().bytes());
            write(root, Site.notice(id, Site.NoticeFormat.CSV),
                    pages.staticSiteNotice(id, Site.NoticeFormat.CSV).orElseThrow().bytes());
            files += 3;
            written++;
            for (String linked : html.get().noticeIds()) {
                if (seen.add(linked)) {
                    notices.add(linked);
                }
            }
        }
        Written result = new Written(root, files, places, written, Duration.ofNanos(System.nanoTime() - started));
        log.info("disclosure site written to {}: {} files ({} places, {} notices) in {} ms", root, files, places,
                written, result.took().toMillis());
        return result;
    }

    private static void write(Path root, String relativePath, byte[] bytes) throws IOException {
        Path target = root.resolve(relativePath).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("a page path leaves the site's folder: " + relativePath);
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".writing-", ".tmp");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
