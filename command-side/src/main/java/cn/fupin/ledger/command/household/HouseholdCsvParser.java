package cn.fupin.ledger.command.household;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.household.BankCardNumber;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdRow;
import cn.fupin.ledger.shared.household.IdNumber;
import cn.fupin.ledger.shared.place.VillageCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a household register file (CSV, RFC 4180 quoting, header
 * {@code cardNo,headName,idNumber,villageCode,members,migrant,bankCard}) into rows, checking the shape of every
 * cell: GB 11643 check character of ID numbers, Luhn digit of bank cards, 12-digit village codes, members of at
 * least one, a yes/no migrant flag. A pure function: text in, rows and problems out. Problems never repeat a value.
 */
final class HouseholdCsvParser {

    static final List<String> HEADER = List.of("cardNo", "headName", "idNumber", "villageCode", "members", "migrant", "bankCard");
    static final int HEAD_NAME_LENGTH_MAX = 50;
    static final int MEMBERS_MAX = 99;
    private static final Set<String> YES = Set.of("true", "1", "y", "yes", "是");
    private static final Set<String> NO = Set.of("false", "0", "n", "no", "否");

    record Parsed(List<HouseholdRow> rows, List<FieldProblem> problems) {
    }

    private HouseholdCsvParser() {
    }

    static Parsed parse(String text, int rowsMax) {
        List<FieldProblem> problems = new ArrayList<>();
        List<HouseholdRow> rows = new ArrayList<>();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Integer> startLines = new ArrayList<>();
        List<List<String>> records = records(text, startLines, problems);
        if (!problems.isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        if (records.isEmpty() || !records.get(0).stream().map(String::strip).toList().equals(HEADER)) {
            problems.add(FieldProblem.atLine(1, "header", "HEADER_INVALID",
                    "the first line must be " + String.join(",", HEADER)));
            return new Parsed(List.of(), problems);
        }
        int dataRows = 0;
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            int line = startLines.get(i);
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            dataRows++;
            if (dataRows > rowsMax) {
                problems.add(FieldProblem.atLine(line, "file", "TOO_MANY_ROWS",
                        "a register file holds at most " + rowsMax + " rows; split the file"));
                break;
            }
            HouseholdRow row = row(line, cells, problems);
            if (row != null) {
                rows.add(row);
            }
        }
        if (dataRows == 0) {
            problems.add(FieldProblem.atLine(1, "file", "NO_ROWS", "the file holds no households"));
        }
        return new Parsed(rows, problems);
    }

    private static HouseholdRow row(int line, List<String> cells, List<FieldProblem> problems) {
        if (cells.size() != HEADER.size()) {
            problems.add(FieldProblem.atLine(line, "row", "COLUMN_COUNT",
                    "the line has " + cells.size() + " cells; " + HEADER.size() + " are expected"));
            return null;
        }
        int before = problems.size();
        String card = cells.get(0).strip();
        String name = cells.get(1).strip();
        String id = cells.get(2).strip();
        String village = cells.get(3).strip();
        String membersText = cells.get(4).strip();
        String migrantText = cells.get(5).strip().toLowerCase(Locale.ROOT);
        String bank = cells.get(6).strip();

        HouseholdCardNo cardNo = null;
        try {
            cardNo = new HouseholdCardNo(card);
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.atLine(line, "cardNo", "CARD_NO_INVALID", e.getMessage()));
        }
        if (Text.isBlank(name)) {
            problems.add(FieldProblem.atLine(line, "headName", "REQUIRED", "the household head's name is required"));
        } else if (name.length() > HEAD_NAME_LENGTH_MAX || Text.hasAnyControlCharacters(name)) {
            problems.add(FieldProblem.atLine(line, "headName", "HEAD_NAME_INVALID",
                    "the name is longer than " + HEAD_NAME_LENGTH_MAX + " characters or holds control characters"));
        }
        String idProblem = IdNumber.problemWith(id);
        if (idProblem != null) {
            problems.add(FieldProblem.atLine(line, "idNumber", "ID_NUMBER_INVALID", idProblem));
        }
        VillageCode villageCode = null;
        try {
            villageCode = new VillageCode(village);
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.atLine(line, "villageCode", "VILLAGE_CODE_INVALID", e.getMessage()));
        }
        int members = 0;
        try {
            members = Integer.parseInt(membersText);
            if (members < 1 || members > MEMBERS_MAX) {
                problems.add(FieldProblem.atLine(line, "members", "MEMBERS_OUT_OF_RANGE",
                        "a household has 1 to " + MEMBERS_MAX + " members"));
            }
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.atLine(line, "members", "MEMBERS_INVALID", "members is a whole number"));
        }
        boolean migrant = YES.contains(migrantText);
        if (!migrant && !NO.contains(migrantText)) {
            problems.add(FieldProblem.atLine(line, "migrant", "MIGRANT_FLAG_INVALID",
                    "the migrant flag is true or false (also 1/0, 是/否)"));
        }
        String bankProblem = BankCardNumber.problemWith(bank);
        if (bankProblem != null) {
            problems.add(FieldProblem.atLine(line, "bankCard", "BANK_CARD_INVALID", bankProblem));
        }
        if (problems.size() > before) {
            return null;
        }
        return new HouseholdRow(line, cardNo, name, IdNumber.parse(id), villageCode, members, migrant,
                BankCardNumber.parse(bank));
    }

    /**
     * Splits the text into records of cells; quoted cells may hold commas, quotes ("") and line breaks. The line of
     * the file on which each record starts goes into {@code startLines}, so that a problem names the line a clerk
     * finds in the file even after a quoted line break.
     */
    private static List<List<String>> records(String text, List<Integer> startLines, List<FieldProblem> problems) {
        List<List<String>> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                // part of a CRLF line end
            } else if (c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                records.add(cells);
                startLines.add(recordLine);
                cells = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            problems.add(FieldProblem.atLine(recordLine, "row", "UNCLOSED_QUOTE", "a quoted cell is not closed"));
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            records.add(cells);
            startLines.add(recordLine);
        }
        return records;
    }
}
