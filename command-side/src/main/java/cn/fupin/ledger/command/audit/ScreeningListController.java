package cn.fupin.ledger.command.audit;

import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.command.common.Uploads;
import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import cn.fupin.ledger.shared.audit.RecordScreeningListCommand;
import cn.fupin.ledger.shared.audit.ScreeningListKind;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An auditor's upload of a screening list (a civil-affairs death list, a payroll roster of public employees): the ID
 * numbers are turned into keyed fingerprints here, as soon as they are read, and only the fingerprints are recorded.
 * {@code text/csv} only (415 otherwise), like the household register, so that a plain form on another site cannot
 * post one with an auditor's credentials.
 */
@RestController
class ScreeningListController {

    static final int NAME_LENGTH_MAX = 100;
    /** The kind of number the fingerprints are of: the one the household register fingerprints ID numbers under. */
    static final String ID_NUMBER = "ID_NUMBER";

    private final CommandGateway commands;
    private final PersonalDataCipher cipher;
    private final NewIds ids;

    ScreeningListController(CommandGateway commands, PersonalDataCipher cipher, NewIds ids) {
        this.commands = commands;
        this.cipher = cipher;
        this.ids = ids;
    }

    record ScreeningListRecorded(String listId, ScreeningListKind kind, String name, int entries) {
    }

    @PostMapping(path = "/api/audit/screening-lists", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    ScreeningListRecorded upload(@RequestBody byte[] body, @RequestParam String kind, @RequestParam String name) {
        ScreeningListKind listKind = kindOf(kind);
        if (Text.isBlank(name) || name.strip().length() > NAME_LENGTH_MAX || Text.hasAnyControlCharacters(name)) {
            throw Refusal.invalidField("SCREENING_LIST_INVALID", "name",
                    "a list's name is 1 to " + NAME_LENGTH_MAX + " characters without control characters");
        }
        ScreeningListParser.Parsed parsed = ScreeningListParser.parse(decode(body), listKind,
                plain -> cipher.fingerprint(ID_NUMBER, plain));
        if (!parsed.problems().isEmpty()) {
            throw Refusal.invalid("SCREENING_LIST_INVALID",
                    "the list was not recorded: " + parsed.problems().size() + " problem(s) in the file",
                    parsed.problems());
        }
        String listId = ids.screeningList();
        commands.sendAndWait(new RecordScreeningListCommand(listId, listKind, name.strip(), Uploads.sha256(body),
                parsed.entries()));
        return new ScreeningListRecorded(listId, listKind, name.strip(), parsed.entries().size());
    }

    private static ScreeningListKind kindOf(String kind) {
        try {
            return ScreeningListKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField("SCREENING_LIST_INVALID", "kind", "the kind is DECEASED or PUBLIC_EMPLOYEE");
        }
    }

    private static String decode(byte[] body) {
        String text = Uploads.decodeStrictly(body, StandardCharsets.UTF_8);
        if (text == null) {
            throw Refusal.invalid("SCREENING_LIST_INVALID", "the list is not UTF-8 text",
                    List.of(FieldProblem.atLine(0, "file", "ENCODING_INVALID", "the list is not UTF-8 text")));
        }
        return text;
    }
}
