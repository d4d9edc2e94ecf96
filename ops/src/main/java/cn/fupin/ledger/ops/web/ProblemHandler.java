package cn.fupin.ledger.ops.web;

import cn.fupin.ledger.ops.audit.RefusedAttempts;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into problem+json with a stable code. Refusals keep their own code; malformed bodies are
 * 400, invalid fields 422 naming each field; anything unexpected is a 500 that says only "internal error" and an
 * incident id, while the log keeps the cause.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final RefusedAttempts refusedAttempts;

    public ProblemHandler(RefusedAttempts refusedAttempts) {
        this.refusedAttempts = refusedAttempts;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
        // A refused attempt auditors need (four eyes, a shared number) is recorded on its own; the command records nothing.
        refusedAttempts.recordNoted(refusal);
        HttpStatus status = switch (refusal.kind()) {
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        return Problems.response(status, refusal.code(), refusal.getMessage(), refusal.problems());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(FieldProblem.of(error.getField(), codeOf(error.getCode()), messageOf(error)));
        }
        errors.sort(java.util.Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::code));
        return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "VALIDATION_FAILED",
                "one or more fields are invalid", errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return Problems.response(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD", "the body has a field this request does not take",
                    List.of(FieldProblem.of(field, "UNKNOWN_FIELD", "no such field")));
        }
        // Jackson wraps a number too large for its field (a parser-level InputCoercionException) in a
        // JsonMappingException that carries the field's path; both are a value out of range, not malformed JSON.
        if (cause instanceof InputCoercionException
                || cause instanceof JsonMappingException mapping && mapping.getCause() instanceof InputCoercionException) {
            return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "VALIDATION_FAILED", "a number is out of range",
                    List.of(FieldProblem.of(fieldOf(e), "OUT_OF_RANGE", "the number is out of range")));
        }
        if (cause instanceof InvalidFormatException invalid) {
            boolean overflow = invalid.getMessage() != null && invalid.getMessage().contains("out of range");
            return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "VALIDATION_FAILED", "a field has the wrong form",
                    List.of(FieldProblem.of(path(invalid), overflow ? "OUT_OF_RANGE" : "INVALID_VALUE",
                            overflow ? "the number is out of range" : "the value has the wrong form or is not one of the allowed values")));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "VALIDATION_FAILED", "a field has the wrong type",
                    List.of(FieldProblem.of(path(mismatched), "INVALID_TYPE", "the value has the wrong type")));
        }
        return Problems.response(HttpStatus.BAD_REQUEST, "MALFORMED_BODY", "the body is missing or is not well-formed JSON", List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return Problems.response(HttpStatus.PAYLOAD_TOO_LARGE, "BODY_TOO_LARGE", "the body is larger than allowed", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "this request does not take that content type", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return Problems.response(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "no acceptable representation", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        // RFC 9110 (15.5.6): a 405 answer must list the methods the path does take in Allow.
        Set<HttpMethod> allowed = e.getSupportedHttpMethods();
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .allow(allowed == null ? new HttpMethod[0] : allowed.toArray(HttpMethod[]::new))
                .body(Problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                        "this path does not take that method", List.of()));
    }

    @ExceptionHandler({NoResourceFoundException.class})
    ResponseEntity<ProblemDetail> noResource(Exception e) {
        return Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "nothing is here", List.of());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "VALIDATION_FAILED", "a parameter is missing",
                List.of(FieldProblem.of(e.getParameterName(), "REQUIRED", "the parameter is required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "HEADER_MISSING", "a header is missing",
                List.of(FieldProblem.of(e.getHeaderName(), "REQUIRED", "the header is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException e) {
        return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "VALIDATION_FAILED", "a parameter has the wrong form",
                List.of(FieldProblem.of(e.getName(), "INVALID_VALUE", "the parameter has the wrong form")));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return Problems.response(HttpStatus.FORBIDDEN, "FORBIDDEN", "your role may not do this", List.of());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException e) {
        return Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "the record named does not exist", List.of());
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class, ConcurrencyFailureException.class,
            DataIntegrityViolationException.class})
    ResponseEntity<ProblemDetail> concurrent(Exception e) {
        log.info("a command lost a race and was rolled back: {}", e.getClass().getSimpleName());
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(ConflictRetryFilter.CONFLICT, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
        return Problems.response(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "another request changed the same records at the same moment; nothing was recorded, try again", List.of());
    }

    /**
     * Everything else, including refusals and lost races that arrive wrapped (a gateway's CompletionException or
     * CommandExecutionException, a transaction's exception): the first known cause decides the answer; none is a bug.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refusal(refusal);
            }
            if (cause instanceof AggregateNotFoundException notFound) {
                return aggregateNotFound(notFound);
            }
            if (isLostRace(cause)) {
                return concurrent((Exception) cause);
            }
        }
        String incident = UUID.randomUUID().toString();
        log.error("incident {}: unexpected failure", incident, e);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "an internal error occurred; nothing was recorded; incident " + incident, List.of());
    }

    /** A command that collided with another on the same records; its transaction rolled back whole. */
    public static boolean isLostRace(Throwable e) {
        return e instanceof ConcurrencyException || e instanceof AggregateStreamCreationException
                || e instanceof ConcurrencyFailureException || e instanceof DataIntegrityViolationException;
    }

    private static String fieldOf(HttpMessageNotReadableException e) {
        return e.getCause() instanceof JsonMappingException mapping ? path(mapping) : "body";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String codeOf(String constraint) {
        if (constraint == null) {
            return "INVALID_VALUE";
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "REQUIRED";
            case "Positive" -> "MUST_BE_POSITIVE";
            case "PositiveOrZero" -> "MUST_NOT_BE_NEGATIVE";
            case "Size" -> "LENGTH_OUT_OF_RANGE";
            case "Min", "Max", "DecimalMin", "DecimalMax" -> "OUT_OF_RANGE";
            case "Pattern" -> "INVALID_FORMAT";
            default -> "INVALID_VALUE";
        };
    }

    private static String messageOf(FieldError error) {
        return switch (codeOf(error.getCode())) {
            case "REQUIRED" -> "the field is required";
            case "MUST_BE_POSITIVE" -> "the amount must be a positive number of fen";
            case "LENGTH_OUT_OF_RANGE" -> "the text is too long";
            case "OUT_OF_RANGE" -> "the number is out of range";
            default -> "the value is invalid";
        };
    }
}
