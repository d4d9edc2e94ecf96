package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.GrantBatchId;
import cn.fupin.ledger.shared.disclosure.AutomaticNoticeSeries;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.PublishNoticeCommand;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.project.ProjectId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Publishes a notice in one unit of work: checks and completes its content (the period from the ledger's clock), makes
 * sure the payments and projects it lists exist, records the notice with the SHA-256 of its canonical JSON, lists its
 * items in {@link NoticeItems}, and, for a correction, marks the notice it corrects superseded — all or none.
 * Lock order: the corrected notice, then the new one.
 */
@Component
class NoticePublisher {

    /** What the publication recorded. */
    record Published(String noticeId, String contentSha256, Instant periodEndsAt) {
    }

    private final Notices notices;
    private final NoticeItems noticeItems;
    private final DisclosurePolicy policy;
    private final Gazetteer gazetteer;
    private final Clock clock;
    private final NewIds ids;

    @Autowired
    NoticePublisher(Configuration axon, NoticeItems noticeItems, DisclosurePolicy policy, Gazetteer gazetteer,
                    Clock clock) {
        this(Notices.of(axon), noticeItems, policy, gazetteer, clock);
    }

    NoticePublisher(Notices notices, NoticeItems noticeItems, DisclosurePolicy policy, Gazetteer gazetteer,
                    Clock clock) {
        this.notices = notices;
        this.noticeItems = noticeItems;
        this.policy = policy;
        this.gazetteer = gazetteer;
        this.clock = clock;
        this.ids = new NewIds(gazetteer);
    }

    /**
     * The id of a notice published by hand without one: {@code NTC-}, the county's code and a random UUID
     * ({@link NewIds}), never of a series of the automatic publisher (the county's code has six digits, no series
     * prefix two letters).
     */
    NoticeId handMadeId() {
        return ids.notice();
    }

    @CommandHandler
    Published handle(PublishNoticeCommand given) {
        Objects.requireNonNull(given.actor(), "a publication carries who publishes");
        PublishNoticeCommand command = given.noticeId() != null ? given : new PublishNoticeCommand(handMadeId(),
                given.content(), given.items(), given.periodDays(), given.actor());
        requireNotReserved(command.noticeId(), command.actor());
        String noticeId = command.noticeId().value();
        Instant now = clock.instant();
        // The period as it would run; a length out of bounds is refused by the check of the content just below.
        PublicityPeriod period = PublicityPeriod.of(now,
                Math.max(1, Math.min(command.periodDays(), DisclosurePolicy.PERIOD_DAYS_MAX)));
        NoticeContent content = NoticeContents.complete(command, period, policy.periodDays(), gazetteer);
        requireListedRecordsExist(command.items());

        Optional<Aggregate<Notice>> corrected = Optional.empty();
        if (content.supersedes() != null) {
            Aggregate<Notice> old = notices.find(content.supersedes()).orElseThrow(() -> Refusal.invalidField(
                    "SUPERSEDED_NOTICE_NOT_FOUND", "supersedes", "no notice has this id"));
            old.execute(n -> n.requireSupersedableBy(content.level(), content.placeCode()));
            corrected = Optional.of(old);
        }
        if (notices.recorded(noticeId)) {
            throw Refusal.conflict("NOTICE_EXISTS", "a notice with this id was published already");
        }
        Aggregate<Notice> notice = notices.create(() -> new Notice(content, command.items(), now, period,
                command.actor()));
        corrected.ifPresent(old -> old.execute(n -> n.supersede(noticeId, content.level(), content.placeCode(),
                content.correctionReason())));
        noticeItems.register(noticeId, command.items());
        return new Published(noticeId, notice.invoke(Notice::contentSha256), period.endsAt());
    }

    /**
     * The ids of the automatic notices ({@link AutomaticNoticeSeries}) are fixed by the facts that call for them, and
     * the publisher takes a notice found under its id as published already; so nobody but the publisher may publish
     * under them (NOTICE_ID_RESERVED, 422), whichever way the command arrives.
     */
    private static void requireNotReserved(NoticeId noticeId, Actor actor) {
        if (noticeId.isReservedForPublisher() && !AutomaticNoticeSeries.isPublisher(actor)) {
            throw Refusal.invalidField("NOTICE_ID_RESERVED", "noticeId", "ids beginning "
                    + AutomaticNoticeSeries.of(noticeId.value()).orElseThrow().prefix()
                    + " belong to the notices the ledger publishes by itself; leave the id out and the ledger gives one");
        }
    }

    /**
     * A listed project, disbursement or grant batch must exist: a mistyped id would hold nothing and let the real one
     * be paid unannounced (ITEM_UNKNOWN, naming each). Other items (appropriations, rounds) are not aggregates.
     */
    private void requireListedRecordsExist(List<String> items) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String item : items) {
            if (isPaymentOrProject(item) && !notices.recorded(item)) {
                problems.add(FieldProblem.of("items", "ITEM_UNKNOWN", "no project, disbursement or grant batch "
                        + "has the id " + item));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("NOTICE_INVALID", "the notice was not published: " + problems.size()
                    + " problem(s)", problems);
        }
    }

    private static boolean isPaymentOrProject(String item) {
        return parses(() -> new ProjectId(item)) || parses(() -> new DisbursementId(item))
                || parses(() -> new GrantBatchId(item));
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
