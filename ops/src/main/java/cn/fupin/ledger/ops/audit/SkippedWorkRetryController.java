package cn.fupin.ledger.ops.audit;

import cn.fupin.ledger.disclosure.publisher.PublicationRetry;
import cn.fupin.ledger.ops.web.RequestIdFilter;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disclosure.RecordNoticeRetryCommand;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An officer (APPROVER or AUDITOR) retries a notice the automatic publisher skipped:
 * {@code POST /api/audit/skipped-work/{noticeId}/retry}. The publisher handles the notice's cause again
 * ({@link PublicationRetry}); the retry is then recorded as the officer's act ({@code NoticePublicationRetriedEvent})
 * whatever its outcome, and answered 200 {@code {noticeId, published, code}} when the notice is published now, or 409
 * {@code PUBLICATION_REFUSED} naming the refusal's code (and its problems) when it was refused again. A notice never
 * skipped is 404 {@code SKIPPED_WORK_NOT_FOUND}, one published already 409 {@code ALREADY_PUBLISHED}; neither is
 * recorded. The list of skipped work is the query side's ({@code GET /api/audit/skipped-work}).
 */
@RestController
class SkippedWorkRetryController {

    private final PublicationRetry retry;
    private final CommandGateway commands;

    SkippedWorkRetryController(PublicationRetry retry, CommandGateway commands) {
        this.retry = retry;
        this.commands = commands;
    }

    /** The answer of a retry that published the notice. */
    record RetryAnswer(String noticeId, boolean published, String code) {
    }

    @PostMapping("/api/audit/skipped-work/{noticeId}/retry")
    RetryAnswer retry(@PathVariable String noticeId, HttpServletRequest request) {
        PublicationRetry.Outcome outcome = retry.retry(noticeId);
        Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
        commands.sendAndWait(new RecordNoticeRetryCommand(noticeId, outcome.published(), outcome.code(), actor(),
                requestId == null ? null : requestId.toString()));
        if (!outcome.published()) {
            List<FieldProblem> problems = new ArrayList<>();
            problems.add(FieldProblem.of("noticeId", outcome.code(), outcome.detail() == null
                    ? "the notice was refused again" : outcome.detail()));
            for (String problem : outcome.problems()) {
                String[] fieldAndCode = problem.split(" ", 2);
                if (fieldAndCode.length == 2) {
                    problems.add(FieldProblem.of(fieldAndCode[0], fieldAndCode[1], "the refused notice's "
                            + fieldAndCode[0]));
                }
            }
            throw Refusal.conflict("PUBLICATION_REFUSED", "the notice was refused again: " + outcome.code(), problems);
        }
        return new RetryAnswer(noticeId, true, null);
    }

    private static Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return Actor.acting(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList());
    }
}
