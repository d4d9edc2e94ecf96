package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.ops.web.ConflictRetryFilter;
import cn.fupin.ledger.ops.web.ProblemHandler;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disclosure.FileObjectionCommand;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.ObjectionId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The objection form of a notice's page, posted by a browser as {@code application/x-www-form-urlencoded} to the same
 * address as the JSON objection ({@code POST /disclosure/notices/{id}/objections}, API.md), with no login and no
 * script: it files the same {@link FileObjectionCommand} as the public, and answers with a page in Chinese — 200 with
 * the objection's number, or the refusal's status (404, 409, 422, 500) with why and what to do, never a stack trace —
 * which repeats nothing the villager typed. A refused objection records nothing. The JSON endpoint (command side) is
 * untouched: Spring sends a request here only when its content type is a form.
 */
@Controller
class ObjectionFormController {

    private static final Logger log = LoggerFactory.getLogger(ObjectionFormController.class);

    private final CommandGateway commands;
    private final NewIds ids;
    private final ObjectionPages pages;

    ObjectionFormController(CommandGateway commands, ObjectionPages pages, NewIds ids) {
        this.commands = commands;
        this.ids = ids;
        this.pages = pages;
    }

    @PostMapping(path = "/disclosure/notices/{noticeId}/objections",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> object(@PathVariable String noticeId,
                                  @RequestParam(name = "item", required = false) String item,
                                  @RequestParam(name = "text", required = false) String text,
                                  @RequestParam(name = "contact", required = false) String contact,
                                  HttpServletRequest request) {
        NoticeId notice;
        try {
            notice = new NoticeId(noticeId);
        } catch (IllegalArgumentException e) {
            return page(HttpStatus.NOT_FOUND, pages.refused(null, List.of("NOTICE_NOT_FOUND"), null, 0));
        }
        ObjectionId objectionId = ids.objection();
        try {
            Actors.runAsPublic(() -> commands.sendAndWait(new FileObjectionCommand(notice, objectionId, item,
                    withLineFeeds(text), contact)));
        } catch (RuntimeException e) {
            return refused(e, noticeId, request);
        }
        return page(HttpStatus.OK, pages.received(noticeId, objectionId.value(), item));
    }

    /**
     * The text with every line break a line feed. A form sends a textarea's line breaks as CR LF (HTML's form
     * submission), while the textarea's {@code maxlength} counts each as one character: as line feeds the text has
     * the length the villager saw, and the form's limit is the ledger's.
     */
    static String withLineFeeds(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The answer to a failed filing: the first known cause decides, as for the JSON endpoint (ProblemHandler). */
    private ResponseEntity<byte[]> refused(RuntimeException failure, String noticeId, HttpServletRequest request) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                HttpStatus status = switch (refusal.kind()) {
                    case CONFLICT -> HttpStatus.CONFLICT;
                    case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case FORBIDDEN -> HttpStatus.FORBIDDEN;
                };
                List<String> codes = refusal.problems().isEmpty() ? List.of(refusal.code())
                        : refusal.problems().stream().map(FieldProblem::code).distinct().toList();
                return page(status, pages.refused(noticeId, codes, null, 0));
            }
            if (cause instanceof AggregateNotFoundException) {
                return page(HttpStatus.NOT_FOUND, pages.refused(noticeId, List.of("NOTICE_NOT_FOUND"), null, 0));
            }
            if (ProblemHandler.isLostRace(cause)) {
                // Nothing was recorded; the retry filter runs the request again, as for every lost race.
                log.info("an objection lost a race and was rolled back: {}", cause.getClass().getSimpleName());
                request.setAttribute(ConflictRetryFilter.CONFLICT, Boolean.TRUE);
                return page(HttpStatus.CONFLICT, pages.refused(noticeId, List.of("CONCURRENT_MODIFICATION"), null, 0));
            }
        }
        String incident = UUID.randomUUID().toString();
        log.error("incident {}: unexpected failure of an objection posted from a notice's page", incident, failure);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, pages.refused(noticeId, List.of("INTERNAL_ERROR"), incident, 0));
    }

    private static ResponseEntity<byte[]> page(HttpStatus status, byte[] html) {
        return ResponseEntity.status(status).contentType(DisclosureController.HTML)
                .header(HttpHeaders.CACHE_CONTROL, ObjectionPages.NO_STORE).body(html);
    }
}
