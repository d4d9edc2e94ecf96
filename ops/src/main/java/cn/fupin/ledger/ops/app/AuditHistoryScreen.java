package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.query.audit.history.EventHistoryFilter;
import cn.fupin.ledger.query.audit.history.EventHistoryRow;
import cn.fupin.ledger.query.audit.history.MaskedEventHistory;
import cn.fupin.ledger.shared.common.Refusal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditor's event history (事件历史): every event of the ledger, newest first, filtered as the API's
 * {@code GET /api/audit/events} filters (subject, type, actor, role, request id, days), paged by keyset (the global
 * index, never an offset), and exported as CSV (UTF-8 with a byte order mark, so a spreadsheet reads the Chinese).
 * Every page shown and every export is recorded as a view ({@code AuditEventsViewedEvent}) by the same code the API
 * records its views with ({@link MaskedEventHistory}); the screen shows the household's ID and bank card numbers
 * masked only, so its views reveal no personal data (unmasking is the household page's recorded act).
 */
@Controller
class AuditHistoryScreen {

    static final String PATH = "/app/audit/events";
    /** Events on one page of the screen: a phone's worth of reading, a desk's at most. */
    static final int PAGE_SIZE = 50;

    private final MaskedEventHistory history;

    AuditHistoryScreen(MaskedEventHistory history) {
        this.history = history;
    }

    /** The filters as typed; days in the county's calendar, {@code to} inclusive. */
    record Filters(String subject, String type, String actor, String role, String requestId, String from, String to,
                   String order) {

        static Filters of(Map<String, String> parameters) {
            return new Filters(parameters.get("subject"), parameters.get("type"), parameters.get("actor"),
                    parameters.get("role"), parameters.get("requestId"), parameters.get("from"), parameters.get("to"),
                    parameters.get("order"));
        }
    }

    /** One event as the screen lists it. */
    record Shown(long globalIndex, String at, String type, String aggregate, String actor, String role,
                 String reason, String payload) {
    }

    /** The auditor's part of the path has no page of its own: its screens are listed on the desk. */
    @GetMapping({"/app/audit", "/app/audit/"})
    String desk() {
        return "redirect:/app/";
    }

    @GetMapping(PATH)
    String show(@RequestParam Map<String, String> parameters, Model model) {
        Filters filters = Filters.of(parameters);
        Map<String, String> errors = new LinkedHashMap<>();
        model.addAttribute("form", filters);
        model.addAttribute("errors", errors);
        model.addAttribute("orders", List.of(new Choice("newest", "最新的在前"), new Choice("oldest", "最早的在前")));
        EventHistoryFilter filter = filter(filters, parameters.get("after"), Integer.toString(PAGE_SIZE), errors);
        if (filter == null) {
            model.addAttribute("rows", List.of());
            return "app/audit-events";
        }
        MaskedEventHistory.Page page = history.page(filter, "HTML");
        model.addAttribute("rows", page.rows().stream().map(AuditHistoryScreen::shown).toList());
        model.addAttribute("nextHref", page.next() == null ? null : href(PATH, filters, page.next()));
        model.addAttribute("csvHref", href(PATH + ".csv", filters, null));
        return "app/audit-events";
    }

    /**
     * The CSV of the filters. Filters that do not hold are sent back to the page (which names them beside their
     * fields and records nothing); a {@code ResponseEntity<StreamingResponseBody>} lets Spring see the body it streams
     * after the request's thread returns, the rows chosen and the view recorded here.
     */
    @GetMapping(PATH + ".csv")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam Map<String, String> parameters) {
        Filters filters = Filters.of(parameters);
        EventHistoryFilter filter = filter(filters, null, null, new LinkedHashMap<>());
        if (filter == null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(href(PATH, filters, null))).build();
        }
        StreamingResponseBody body = history.csv(filter);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("events.csv")
                        .build().toString())
                .body(body);
    }

    /** A choice of a select: its value and its Chinese name (as the field fragment reads them). */
    record Choice(String name, String chinese) {

        public String chineseName() {
            return chinese;
        }
    }

    /** The API's filter from the typed one, or null with the messages beside the fields. */
    private static EventHistoryFilter filter(Filters typed, String after, String size, Map<String, String> errors) {
        LocalDate from = AuditDays.day(typed.from(), "from", errors);
        LocalDate to = AuditDays.day(typed.to(), "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", "结束日期不能早于开始日期");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return EventHistoryFilter.parse(typed.subject(), typed.actor(), typed.role(), typed.type(),
                    from == null ? null : AuditDays.start(from).toString(),
                    to == null ? null : AuditDays.end(to).toString(), typed.requestId(), typed.order(), after, size,
                    size == null);
        } catch (Refusal refusal) {
            String general = Refusals.explain(refusal, errors);
            if (general != null) {
                errors.put("order", general);
            }
            return null;
        }
    }

    private static Shown shown(EventHistoryRow row) {
        Map<String, Object> meta = row.metadata();
        return new Shown(row.globalIndex(), AuditDays.shown(row.timestamp()), row.type(),
                row.aggregateId() == null ? "" : row.aggregateId(), text(meta.get("actor")), text(meta.get("role")),
                text(meta.get("reason")), row.payload() == null ? "" : row.payload().toString());
    }

    /** A link to {@code path} with the filters (and the cursor {@code after}), encoded. */
    private static String href(String path, Filters filters, Long after) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        put(link, "subject", filters.subject());
        put(link, "type", filters.type());
        put(link, "actor", filters.actor());
        put(link, "role", filters.role());
        put(link, "requestId", filters.requestId());
        put(link, "from", filters.from());
        put(link, "to", filters.to());
        put(link, "order", filters.order());
        if (after != null) {
            link.queryParam("after", after);
        }
        return link.encode().build().toUriString();
    }

    private static void put(UriComponentsBuilder link, String name, String value) {
        if (value != null && !value.isBlank()) {
            link.queryParam(name, value.strip());
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
