package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disclosure.DismissObjectionsAsDuplicatesCommand;
import cn.fupin.ledger.shared.disclosure.FileObjectionCommand;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.ObjectionId;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.PublishNoticeCommand;
import cn.fupin.ledger.shared.disclosure.ResolveObjectionCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notices: a CLERK publishes one from its content (the automatic publisher will do so from the events); anyone, with
 * no login, objects to an item of a notice during its period; an APPROVER or AUDITOR resolves an objection. Roles,
 * the objections' rate limit and body size are enforced by the ops configuration; the rules by the notice.
 */
@RestController
class NoticeController {

    private final CommandGateway commands;
    private final NewIds ids;
    private final DisclosurePolicy policy;

    NoticeController(CommandGateway commands, DisclosurePolicy policy, NewIds ids) {
        this.commands = commands;
        this.ids = ids;
        this.policy = policy;
    }

    record ObjectionRequest(String item, String text, String contact) {

        @Override
        public String toString() {
            return "ObjectionRequest[item=" + item + "]";
        }
    }

    record Filed(String objectionId) {
    }

    record ResolutionRequest(ObjectionResolution outcome, String reason) {
    }

    record DismissalRequest(String duplicateOf, List<String> objectionIds, String reason) {
    }

    /**
     * Publishes the content for the configured period. The notice id is the content's when it names one (never one of
     * the automatic publisher's series: the publisher refuses those), otherwise the ledger gives one; the items are
     * those of the content's rows.
     */
    @PostMapping("/api/notices")
    @ResponseStatus(HttpStatus.CREATED)
    NoticePublisher.Published publish(@RequestBody NoticeContent content) {
        NoticeId noticeId = null;
        if (content.noticeId() != null) {
            try {
                noticeId = new NoticeId(content.noticeId());
            } catch (IllegalArgumentException e) {
                throw Refusal.invalidField("NOTICE_ID_INVALID", "noticeId", "a notice id looks like NTC-2016-0001");
            }
        }
        List<String> items = content.rows().stream().filter(Objects::nonNull).map(NoticeContent.Row::item).toList();
        return commands.sendAndWait(new PublishNoticeCommand(noticeId, content, items, policy.periodDays(),
                Actors.current()));
    }

    /** An objection by a member of the public; the answer names it, so that its handling can be found on the page. */
    @PostMapping("/disclosure/notices/{noticeId}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    Filed object(@PathVariable String noticeId, @RequestBody ObjectionRequest request) {
        NoticeId notice = noticeId(noticeId);
        ObjectionId objectionId = ids.objection();
        Actors.runAsPublic(() -> commands.sendAndWait(new FileObjectionCommand(notice, objectionId, request.item(),
                request.text(), request.contact())));
        return new Filed(objectionId.value());
    }

    @PostMapping("/api/notices/{noticeId}/objections/{objectionId}/resolve")
    ObjectionResolver.Resolved resolve(@PathVariable String noticeId, @PathVariable String objectionId,
                                       @RequestBody ResolutionRequest request) {
        NoticeId notice = noticeId(noticeId);
        ObjectionId objection;
        try {
            objection = new ObjectionId(objectionId);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("OBJECTION_NOT_FOUND", "the notice has no objection with this id");
        }
        return commands.sendAndWait(new ResolveObjectionCommand(notice, objection, request.outcome(),
                request.reason(), Actors.current()));
    }

    /**
     * Dismisses several objections to the notice as duplicates of one, for one reason, all or none. An id of the wrong
     * shape names no objection of the notice: DISMISSAL_INVALID (422) names each such, as the notice names the others.
     */
    @PostMapping("/api/notices/{noticeId}/objections/dismissals")
    ObjectionDismisser.Dismissed dismissDuplicates(@PathVariable String noticeId,
                                                   @RequestBody DismissalRequest request) {
        NoticeId notice = noticeId(noticeId);
        List<FieldProblem> problems = new ArrayList<>();
        ObjectionId duplicateOf = request.duplicateOf() == null ? null
                : objectionId(request.duplicateOf(), "duplicateOf", problems);
        List<ObjectionId> objectionIds = null;
        if (request.objectionIds() != null) {
            objectionIds = new ArrayList<>();
            for (int i = 0; i < request.objectionIds().size(); i++) {
                objectionIds.add(objectionId(request.objectionIds().get(i), "objectionIds[" + i + "]", problems));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("DISMISSAL_INVALID", "no objection was dismissed: " + problems.size()
                    + " problem(s)", problems);
        }
        return commands.sendAndWait(new DismissObjectionsAsDuplicatesCommand(notice, duplicateOf, objectionIds,
                request.reason(), Actors.current()));
    }

    private static ObjectionId objectionId(String value, String field, List<FieldProblem> problems) {
        try {
            return new ObjectionId(value);
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, "OBJECTION_NOT_FOUND", "no objection has this id"));
            return null;
        }
    }

    private static NoticeId noticeId(String value) {
        try {
            return new NoticeId(value);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("NOTICE_NOT_FOUND", "no notice has this id");
        }
    }
}
