package cn.fupin.ledger.query.audit.history;

import cn.fupin.ledger.shared.audit.AuditEventsViewedEvent;
import cn.fupin.ledger.shared.audit.RecordAuditEventsViewCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The event history for the auditor's screens (ops): the API's history ({@link EventHistory}), each view recorded the
 * same way and by the same code as {@code GET /api/audit/events} records its own ({@link #record}), but with the
 * household's personal data left out of the payloads — the plain {@code idNumber} and {@code bankCard} the API's
 * history decrypts (the masked fields stay). A screen is a click away from a printer or a shared spreadsheet, so its
 * pages and its CSV show masked numbers only, and record {@code personalDataRevealed=false}; unmasking a household's
 * numbers is its own recorded act ({@code RevealHouseholdPersonalDataCommand}), as it is in the API.
 */
@Component
public class MaskedEventHistory {

    /** The UTF-8 byte order mark, so that a spreadsheet opening the CSV reads its Chinese as UTF-8. */
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final EventHistory history;
    private final CommandGateway commands;
    private final ObjectMapper mapper;

    MaskedEventHistory(EventHistory history, CommandGateway commands, ObjectMapper mapper) {
        this.history = history;
        this.commands = commands;
        this.mapper = mapper;
    }

    /** A page of the history: its rows (personal data left out) and the cursor of the next page, or null. */
    public record Page(List<EventHistoryRow> rows, Long next) {
    }

    /** The page {@code filter} asks for, recorded as a view in {@code format} (the screen's, e.g. {@code HTML}). */
    public Page page(EventHistoryFilter filter, String format) {
        EventHistory.Page page = history.page(filter);
        record(filter, format, page.rows().size(), false);
        return new Page(page.rows().stream().map(this::masked).toList(), page.next());
    }

    /**
     * The CSV of {@code filter} (its page when it has a size, else every matching event up to the last one indexed
     * now), UTF-8 with a byte order mark, recorded as a {@code CSV} view before anything is written.
     */
    public StreamingResponseBody csv(EventHistoryFilter filter) {
        if (filter.size() != null) {
            EventHistory.Page page = history.page(filter);
            record(filter, "CSV", page.rows().size(), false);
            return out -> write(out, csv -> page.rows().forEach(row -> csv.row(masked(row))));
        }
        long ceiling = history.head();
        record(filter, "CSV", history.count(filter, ceiling).events(), false);
        return out -> write(out, csv -> history.stream(filter, ceiling, row -> csv.row(masked(row))));
    }

    /** Records a view of the history by the user of this request (the API's views and the screens' alike). */
    void record(EventHistoryFilter filter, String format, long shown, boolean personalData) {
        String viewer = SecurityContextHolder.getContext().getAuthentication().getName();
        commands.sendAndWait(new RecordAuditEventsViewCommand(new AuditEventsViewedEvent(UUID.randomUUID().toString(),
                viewer, filter.subject(), filter.actor(), filter.role(), filter.type(), filter.from(), filter.to(),
                filter.requestId(), filter.order(), filter.after(), filter.size(), format, shown, personalData)));
    }

    private EventHistoryRow masked(EventHistoryRow row) {
        if (!PersonalDataShown.TYPES.contains(row.type()) || !(row.payload() instanceof ObjectNode payload)) {
            return row;
        }
        ObjectNode shown = payload.deepCopy();
        shown.remove(List.of("idNumber", "bankCard", "idNumberCiphertext", "bankCardCiphertext"));
        JsonNode kept = shown;
        return new EventHistoryRow(row.globalIndex(), row.eventId(), row.type(), row.revision(), row.aggregateType(),
                row.aggregateId(), row.sequence(), row.timestamp(), kept, row.metadata());
    }

    private void write(java.io.OutputStream out, java.util.function.Consumer<EventHistoryCsv> rows)
            throws java.io.IOException {
        out.write(BYTE_ORDER_MARK);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        EventHistoryCsv csv = new EventHistoryCsv(writer, mapper);
        csv.header();
        rows.accept(csv);
        writer.flush();
    }
}
