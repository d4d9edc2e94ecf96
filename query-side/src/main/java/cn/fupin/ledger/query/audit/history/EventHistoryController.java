package cn.fupin.ledger.query.audit.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The event history for auditors: {@code GET /api/audit/events} (AUDITOR only, by the security configuration), JSON
 * pages ({@code {events, next}}) or, with {@code Accept: text/csv}, the same rows streamed as CSV.
 *
 * <p>Every view is recorded ({@code AuditEventsViewedEvent}, through the command bus, by the code the screens'
 * views are recorded with: {@link MaskedEventHistory#record}) before the answer leaves, and
 * after the rows it shows were chosen, so a view never shows itself: a JSON page is read, then recorded; a CSV is
 * bounded by the last event indexed when it was asked for (a snapshot: events appended while it streams, its own
 * record among them, are not in it), counted, recorded, then streamed. With {@code order=newest} the following pages
 * ({@code after=next}) go only to older events, so records of views (and any other event appended meanwhile) never
 * shift or repeat a row; with {@code order=oldest} they appear at the end, as any new event does. A view is found
 * under its own id, not under the subject it asked about ({@code Subjects}): looking at a household's history adds
 * nothing to it, so paging a subject oldest first ends, and asking twice answers the same.
 */
@RestController
class EventHistoryController {

    private final EventHistory history;
    private final MaskedEventHistory recorder;
    private final ObjectMapper mapper;

    EventHistoryController(EventHistory history, MaskedEventHistory recorder, ObjectMapper mapper) {
        this.history = history;
        this.recorder = recorder;
        this.mapper = mapper;
    }

    @GetMapping("/api/audit/events")
    Object events(@RequestParam(required = false) String subject,
                             @RequestParam(required = false) String actor,
                             @RequestParam(required = false) String role,
                             @RequestParam(required = false) String type,
                             @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false) String requestId,
                             @RequestParam(required = false) String order,
                             @RequestParam(required = false) String after,
                             @RequestParam(required = false) String size,
                             @RequestHeader(value = "Accept", required = false) String accept,
                             HttpServletResponse response) {
        boolean csv = accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(media -> media.isCompatibleWith(EventHistoryCsv.TEXT_CSV) && !media.isWildcardType());
        EventHistoryFilter filter = EventHistoryFilter.parse(subject, actor, role, type, from, to, requestId, order,
                after, size, csv);
        if (!csv) {
            EventHistory.Page page = history.page(filter);
            record(filter, "JSON", page.rows().size(), page.personalData());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(new EventHistoryView(page.rows(), page.next()));
        }
        // A StreamingResponseBody returned as such (not inside a ResponseEntity<?>, whose body type Spring cannot see)
        // is written after the request's thread returns, from the rows chosen and counted here.
        response.setContentType(EventHistoryCsv.TEXT_CSV.toString());
        if (filter.size() != null) {
            EventHistory.Page page = history.page(filter);
            record(filter, "CSV", page.rows().size(), page.personalData());
            if (page.next() != null) {
                response.setHeader(NEXT_HEADER, page.next().toString());
            }
            return (StreamingResponseBody) out -> write(out, csvOut -> page.rows().forEach(csvOut::row));
        }
        long ceiling = history.head();
        EventHistoryIndex.Count count = history.count(filter, ceiling);
        record(filter, "CSV", count.events(), count.withPersonalData() > 0);
        return (StreamingResponseBody) out -> write(out, csvOut -> history.stream(filter, ceiling, csvOut::row));
    }

    /** The header that carries a paged CSV's {@code next} cursor (the JSON's {@code next}). */
    static final String NEXT_HEADER = "X-Next-After";

    private void write(java.io.OutputStream out, java.util.function.Consumer<EventHistoryCsv> rows)
            throws java.io.IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        EventHistoryCsv csv = new EventHistoryCsv(writer, mapper);
        csv.header();
        rows.accept(csv);
        writer.flush();
    }

    private void record(EventHistoryFilter filter, String format, long shown, boolean personalData) {
        recorder.record(filter, format, shown, personalData);
    }
}
