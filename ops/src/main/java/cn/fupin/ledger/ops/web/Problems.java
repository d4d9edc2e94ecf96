package cn.fupin.ledger.ops.web;

import cn.fupin.ledger.shared.common.FieldProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds problem+json answers (RFC 9457) with a stable {@code code} and, for field problems, {@code errors}.
 * Nothing here ever holds a stack trace, SQL or a submitted value.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:fupin-ledger:problem:" + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(Problems::error).toList());
        }
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String code, String detail,
                                                         List<FieldProblem> errors) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, code, detail, errors));
    }

    /** Writes a problem straight to a servlet response, for filters that answer before any controller. */
    public static void write(HttpServletResponse response, ObjectMapper mapper, HttpStatus status, String code,
                             String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem(status, code, detail, List.of()));
    }

    /** One field problem, its keys in a fixed order: line (for a file), field, code, message. */
    private static Map<String, Object> error(FieldProblem problem) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (problem.line() > 0) {
            error.put("line", problem.line());
        }
        error.put("field", problem.field());
        error.put("code", problem.code());
        error.put("message", problem.message());
        return error;
    }
}
