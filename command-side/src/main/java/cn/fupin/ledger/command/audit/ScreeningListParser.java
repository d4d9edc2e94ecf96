package cn.fupin.ledger.command.audit;

import cn.fupin.ledger.shared.audit.ScreeningEntry;
import cn.fupin.ledger.shared.audit.ScreeningListKind;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.household.IdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads a screening list (CSV, one person a line: {@code idNumber[,dateOfDeath]}, an optional header line
 * {@code idNumber,dateOfDeath}) into entries keyed by fingerprint, naming every bad line. A pure function: text and a
 * fingerprint function in, entries and problems out; problems never repeat a value (an ID number is personal data).
 * A list holds at most {@link #ENTRIES_MAX} people: the list is recorded as one event, and this bound keeps it a few
 * megabytes (about 100 bytes an entry), well inside the event store's payload column and the database's packet size.
 */
final class ScreeningListParser {

    static final int ENTRIES_MAX = 50_000;

    record Parsed(List<ScreeningEntry> entries, List<FieldProblem> problems) {
    }

    private ScreeningListParser() {
    }

    /** {@code fingerprint} maps a plain, valid ID number to its keyed fingerprint. */
    static Parsed parse(String text, ScreeningListKind kind, UnaryOperator<String> fingerprint) {
        List<ScreeningEntry> entries = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        int dataLines = 0;
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int line = index + 1;
            String content = lines[index].strip();
            if (content.isEmpty() || line == 1 && content.replace(" ", "").startsWith("idNumber")) {
                continue;
            }
            dataLines++;
            if (dataLines > ENTRIES_MAX) {
                problems.add(FieldProblem.atLine(line, "file", "TOO_MANY_ROWS",
                        "a screening list holds at most " + ENTRIES_MAX + " people; split the list"));
                break;
            }
            ScreeningEntry entry = entry(line, content.split(",", -1), kind, fingerprint, problems);
            if (entry != null) {
                Integer first = lineOf.putIfAbsent(entry.idFingerprint(), line);
                if (first != null) {
                    problems.add(FieldProblem.atLine(line, "idNumber", "DUPLICATE_IN_FILE",
                            "the same ID number appears on line " + first));
                } else {
                    entries.add(entry);
                }
            }
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(FieldProblem.atLine(1, "file", "NO_ROWS", "the list holds nobody"));
        }
        return new Parsed(entries, problems);
    }

    private static ScreeningEntry entry(int line, String[] cells, ScreeningListKind kind,
                                        UnaryOperator<String> fingerprint, List<FieldProblem> problems) {
        if (cells.length > 2) {
            problems.add(FieldProblem.atLine(line, "row", "COLUMN_COUNT",
                    "a line holds an ID number and, optionally, a date of death"));
            return null;
        }
        String id = cells[0].strip();
        String idProblem = IdNumber.problemWith(id);
        if (idProblem != null) {
            problems.add(FieldProblem.atLine(line, "idNumber", "ID_NUMBER_INVALID", idProblem));
            return null;
        }
        String dateText = cells.length == 2 ? cells[1].strip() : "";
        if (dateText.isEmpty()) {
            return new ScreeningEntry(fingerprint.apply(IdNumber.parse(id).plain()), null);
        }
        if (kind != ScreeningListKind.DECEASED) {
            problems.add(FieldProblem.atLine(line, "dateOfDeath", "DATE_OF_DEATH_NOT_ALLOWED",
                    "only a list of the deceased gives dates of death"));
            return null;
        }
        try {
            return new ScreeningEntry(fingerprint.apply(IdNumber.parse(id).plain()), LocalDate.parse(dateText));
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.atLine(line, "dateOfDeath", "DATE_INVALID",
                    "a date of death is written yyyy-mm-dd"));
            return null;
        }
    }
}
