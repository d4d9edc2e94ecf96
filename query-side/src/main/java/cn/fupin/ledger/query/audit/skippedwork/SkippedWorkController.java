package cn.fupin.ledger.query.audit.skippedwork;

import cn.fupin.ledger.query.audit.redflag.RedFlagCsv;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notices the automatic publisher skipped, for officers (AUDITOR and APPROVER): {@code GET
 * /api/audit/skipped-work?status=OPEN|PUBLISHED}, JSON {@code {counts, items}} or CSV of the same rows with
 * {@code Accept: text/csv}. The retry is in the assembly (ops), which holds the publisher.
 */
@RestController
class SkippedWorkController {

    private final SkippedWorkQueries queries;

    SkippedWorkController(SkippedWorkQueries queries) {
        this.queries = queries;
    }

    /** The JSON answer: how many of each status are answered, and the rows. */
    record SkippedWorkAnswer(Map<String, Integer> counts, List<SkippedWorkView> items) {
    }

    @GetMapping("/api/audit/skipped-work")
    ResponseEntity<?> skippedWork(@RequestParam(required = false) String status,
                                  @RequestHeader(value = "Accept", required = false) String accept) {
        List<SkippedWorkView> rows = queries.list(status);
        if (accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.isCompatibleWith(RedFlagCsv.TEXT_CSV) && !type.isWildcardType())) {
            return ResponseEntity.ok().contentType(RedFlagCsv.TEXT_CSV).body(SkippedWorkCsv.of(rows));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(SkippedWorkEntity.OPEN, 0);
        counts.put(SkippedWorkEntity.PUBLISHED, 0);
        rows.forEach(row -> counts.merge(row.status(), 1, Integer::sum));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new SkippedWorkAnswer(counts, rows));
    }
}
