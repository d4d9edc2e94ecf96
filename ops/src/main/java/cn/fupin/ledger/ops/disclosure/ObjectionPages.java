package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.NoticePage;
import cn.fupin.ledger.disclosure.page.ObjectionReceipt;
import cn.fupin.ledger.disclosure.page.ObjectionRefusal;
import cn.fupin.ledger.disclosure.page.Pages;
import cn.fupin.ledger.disclosure.page.PlacePath;
import cn.fupin.ledger.ops.web.FormRefusalPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The pages that answer an objection posted from a notice's form, with the notice they concern (its place for the
 * breadcrumbs, its title, the item as the form offered it, its supervision phone) as the public pages know it. Served
 * at the form's address only, never cached, never in the static site. Also the filters' answer to a refused form
 * ({@link FormRefusalPages}): too many objections from one address, or a body over the limit.
 */
@Component
public class ObjectionPages implements FormRefusalPages {

    /** Answers to a posted objection: specific to the request, so never stored by a browser or a proxy. */
    static final String NO_STORE = CacheControl.noStore().getHeaderValue();

    private static final Logger log = LoggerFactory.getLogger(ObjectionPages.class);
    private static final Pattern OBJECTIONS = Pattern.compile("/disclosure/notices/([^/]+)/objections/?");

    private final DisclosurePageAssembler assembler;

    public ObjectionPages(DisclosurePageAssembler assembler) {
        this.assembler = assembler;
    }

    /** The page for an objection the ledger recorded. */
    public byte[] received(String noticeId, String objectionId, String item) {
        Optional<NoticePage> notice = find(noticeId);
        return Pages.objectionReceived(new ObjectionReceipt(path(notice), notice.map(NoticePage::notice).orElse(null),
                noticeId, objectionId, item), PublicPages.LIVE_ROOT);
    }

    /** The page for an objection the ledger did not record, for the refusal's codes. */
    public byte[] refused(String noticeId, List<String> codes, String incident, long retryAfterSeconds) {
        Optional<NoticePage> notice = find(noticeId);
        return Pages.objectionRefused(new ObjectionRefusal(path(notice), notice.map(NoticePage::notice).orElse(null),
                codes, incident, retryAfterSeconds), PublicPages.LIVE_ROOT);
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                      long retryAfterSeconds) throws IOException {
        Matcher objections = OBJECTIONS.matcher(request.getRequestURI());
        byte[] page = refused(objections.matches() ? objections.group(1) : null, List.of(code), null,
                retryAfterSeconds);
        response.setStatus(status.value());
        response.setContentType(DisclosureController.HTML.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /**
     * The notice's page data, or empty when the id names none. A notice the public pages cannot look up just now
     * (the read model failing) is shown as unknown, so that the villager still learns what became of the objection.
     */
    private Optional<NoticePage> find(String noticeId) {
        if (noticeId == null) {
            return Optional.empty();
        }
        try {
            return assembler.notice(noticeId);
        } catch (RuntimeException e) {
            log.warn("the notice of an objection's answer could not be looked up ({}); answered without it",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private PlacePath path(Optional<NoticePage> notice) {
        return notice.map(NoticePage::path).orElseGet(() -> PlacePath.county(assembler.gazetteer().county()));
    }
}
