package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.disclosure.FileObjectionCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Takes an objection from anyone: checks the text and contact, locks the notice's row for the item (the hold's first
 * lock, see {@link NoticeItems}), then lets the notice record it if the item is listed and the period, by the ledger's
 * clock, has not ended. The contact is encrypted here (AES-GCM, the objection id and field as associated data) and
 * never leaves the event as plain text.
 */
@Component
class ObjectionFiler {

    /** The associated data's field name of an objector's contact. */
    static final String CONTACT_FIELD = "objectionContact";

    private final Notices notices;
    private final NoticeItems noticeItems;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    @Autowired
    ObjectionFiler(Configuration axon, NoticeItems noticeItems, PersonalDataCipher cipher, Clock clock) {
        this(Notices.of(axon), noticeItems, cipher, clock);
    }

    ObjectionFiler(Notices notices, NoticeItems noticeItems, PersonalDataCipher cipher, Clock clock) {
        this.notices = notices;
        this.noticeItems = noticeItems;
        this.cipher = cipher;
        this.clock = clock;
    }

    @CommandHandler
    void handle(FileObjectionCommand command) {
        Objects.requireNonNull(command.noticeId(), "an objection names its notice");
        Objects.requireNonNull(command.objectionId(), "an objection has an id");
        String noticeId = command.noticeId().value();
        String objectionId = command.objectionId().value();
        if (!notices.recorded(noticeId)) {
            throw Refusal.notFound("NOTICE_NOT_FOUND", "no notice has this id");
        }
        String text = text(command);
        String contact = Text.isBlank(command.contact()) ? null : command.contact().strip();
        if (!noticeItems.lockListing(noticeId, command.item())) {
            throw Refusal.invalidField("ITEM_NOT_LISTED", "item", "the notice does not list this item");
        }
        Aggregate<Notice> notice = notices.load(noticeId);
        String ciphertext = contact == null ? null : cipher.encrypt(contact, objectionId, CONTACT_FIELD);
        Instant now = clock.instant();
        notice.execute(n -> n.fileObjection(objectionId, command.item(), text, ciphertext, now));
    }

    /** The objection's text, stripped; or OBJECTION_INVALID (422) naming every bad field. */
    private static String text(FileObjectionCommand command) {
        List<FieldProblem> problems = new ArrayList<>();
        if (Text.isBlank(command.item())) {
            problems.add(FieldProblem.of("item", "ITEM_REQUIRED", "an objection names the item it concerns"));
        }
        if (Text.isBlank(command.text())) {
            problems.add(FieldProblem.of("text", "TEXT_REQUIRED", "an objection says what is wrong"));
        } else if (command.text().strip().length() > Notice.OBJECTION_TEXT_LENGTH_MAX) {
            problems.add(FieldProblem.of("text", "TEXT_TOO_LONG",
                    "an objection has at most " + Notice.OBJECTION_TEXT_LENGTH_MAX + " characters"));
        } else if (Text.hasControlCharacters(command.text())) {
            problems.add(FieldProblem.of("text", "TEXT_INVALID", "the text holds control characters"));
        }
        if (command.contact() != null && (command.contact().strip().length() > Notice.CONTACT_LENGTH_MAX
                || Text.hasAnyControlCharacters(command.contact()))) {
            problems.add(FieldProblem.of("contact", "CONTACT_INVALID",
                    "a contact is one line of at most " + Notice.CONTACT_LENGTH_MAX + " characters"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("OBJECTION_INVALID", "the objection was not received: " + problems.size()
                    + " problem(s)", problems);
        }
        return command.text().strip();
    }
}
