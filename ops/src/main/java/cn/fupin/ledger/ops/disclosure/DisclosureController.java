package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.Site;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public disclosure pages, with no login (API.md, "Public disclosure"): {@code /disclosure/} the county,
 * {@code /disclosure/years/{year}.html} the county's page of a year,
 * {@code /disclosure/{code}/} a township (9 digits) or a village (12 digits), {@code /disclosure/{code}/{year}.html}
 * the page of a year of a township or a village, {@code /disclosure/notices/{id}} a
 * notice, also as {@code .html}, {@code .json} (the canonical bytes that were hashed) and {@code .csv}. The pages link
 * to each other by the file names of the static site ({@code 510824105/index.html}, {@code notices/N-1.html}), which
 * are served here too, so the same bytes work live and as a folder. Anything else under {@code /disclosure/} is a 404
 * page in HTML, since people, not programs, read these addresses.
 */
@Controller
class DisclosureController {

    /** Pages change as the ledger records facts; a short cache spares the server without hiding news for long. */
    static final CacheControl PAGES = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);
    static final MediaType JSON = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final PublicPages pages;

    DisclosureController(PublicPages pages) {
        this.pages = pages;
    }

    @GetMapping("/disclosure")
    ResponseEntity<Void> withoutSlash() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(PublicPages.LIVE_ROOT)).build();
    }

    @GetMapping({"/disclosure/", "/disclosure/" + Site.COUNTY})
    ResponseEntity<byte[]> county() {
        return ok(HTML, pages.county().bytes());
    }

    @GetMapping("/disclosure/" + Site.STYLESHEET)
    ResponseEntity<byte[]> stylesheet() {
        return ok(CSS, pages.stylesheet());
    }

    @GetMapping({"/disclosure/{code}/", "/disclosure/{code}/index.html"})
    ResponseEntity<byte[]> place(@PathVariable String code) {
        return pages.place(code).map(page -> ok(HTML, page.bytes())).orElseGet(this::notFound);
    }

    /** The county's page of a year: {@code /disclosure/years/2016.html}. */
    @GetMapping("/disclosure/" + Site.YEARS + "/{file}")
    ResponseEntity<byte[]> year(@PathVariable String file) {
        if (!file.matches("[1-9]\\d{3}\\.html")) {
            return notFound();
        }
        return pages.countyYear(Integer.parseInt(file.substring(0, 4))).map(page -> ok(HTML, page.bytes()))
                .orElseGet(this::notFound);
    }

    /** The page of one year of a township or a village: {@code /disclosure/510824100/2016.html}. */
    @GetMapping("/disclosure/{code}/{file}")
    ResponseEntity<byte[]> placeYear(@PathVariable String code, @PathVariable String file) {
        if (!code.matches("\\d{9}|\\d{12}") || !file.matches("[1-9]\\d{3}\\.html")) {
            return notFound();
        }
        return pages.placeYear(code, Integer.parseInt(file.substring(0, 4))).map(page -> ok(HTML, page.bytes()))
                .orElseGet(this::notFound);
    }

    /** A place's address without its closing slash: sent on to the page, whose relative links need the slash. */
    @GetMapping("/disclosure/{code}")
    ResponseEntity<?> placeWithoutSlash(@PathVariable String code) {
        if (pages.hasPlace(code)) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .location(URI.create(PublicPages.LIVE_ROOT + code + "/")).build();
        }
        return notFound();
    }

    @GetMapping("/disclosure/" + Site.NOTICES + "/{file}")
    ResponseEntity<byte[]> notice(@PathVariable String file) {
        Site.NoticeFormat format = Site.NoticeFormat.HTML;
        String noticeId = file;
        for (Site.NoticeFormat candidate : Site.NoticeFormat.values()) {
            String suffix = "." + candidate.extension();
            if (file.endsWith(suffix)) {
                format = candidate;
                noticeId = file.substring(0, file.length() - suffix.length());
            }
        }
        Site.NoticeFormat chosen = format;
        String id = noticeId;
        Optional<PublicPages.Rendered> notice = pages.notice(id, chosen);
        if (notice.isEmpty()) {
            return notFound();
        }
        return switch (chosen) {
            case HTML -> ok(HTML, notice.get().bytes());
            case JSON -> ok(JSON, notice.get().bytes());
            case CSV -> ResponseEntity.ok().contentType(CSV).cacheControl(PAGES)
                    .header("Content-Disposition", ContentDisposition.inline()
                            .filename(id + ".csv", StandardCharsets.UTF_8).build().toString())
                    .body(notice.get().bytes());
        };
    }

    @GetMapping("/disclosure/**")
    ResponseEntity<byte[]> anythingElse() {
        return notFound();
    }

    private static ResponseEntity<byte[]> ok(MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type).cacheControl(PAGES).body(body);
    }

    private ResponseEntity<byte[]> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML).cacheControl(PAGES).body(pages.notFound());
    }
}
