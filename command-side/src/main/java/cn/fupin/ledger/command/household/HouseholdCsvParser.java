package cn.fupin.ledger.command.household;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.household.BankCardNumber;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdRow;
import cn.fupin.ledger.shared.household.IdNumber;
import cn.fupin.ledger.shared.place.VillageCode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a household register file (CSV, header {@code cardNo,headName,idNumber,villageCode,members,migrant,bankCard})
 * into rows, checking the shape of every cell: GB 11643 check character of ID numbers, Luhn digit of bank cards,
 * 12-digit village codes, members of at least one, a yes/no migrant flag. A pure function: text in, rows and problems
 * out. Problems never repeat a value. An eighth column {@code relatedCadres} may follow: the user names of the cadres
 * the head is a relative of (优亲厚友), separated by {@code ;}, possibly none; each is declared at the import.
 *
 * <p>The records are read by Apache Commons CSV (RFC 4180: cells quoted with double quotes may hold commas, doubled
 * quotes and line breaks; CR LF or LF line ends), as a register saved by Excel or WPS comes: a byte order mark before
 * the header is dropped, and blank lines and rows of empty cells — which a spreadsheet writes for formatted rows
 * below the data — are skipped, as are empty cells beyond the header's seven. Each problem names the line of the file
 * on which its record starts, counted as an editor counts lines, so a quoted line break does not shift the lines of
 * the records after it. A quote that is never closed stops the reading there (nothing after it can be told apart):
 * {@code UNCLOSED_QUOTE} on the line where its record starts.
 */
final class HouseholdCsvParser {

    static final List<String> HEADER = List.of("cardNo", "headName", "idNumber", "villageCode", "members", "migrant", "bankCard");
    /** The optional last column: cadres the head is declared a relative of. */
    static final String RELATED_CADRES = "relatedCadres";
    static final int HEAD_NAME_LENGTH_MAX = 50;
    static final int MEMBERS_MAX = 99;
    private static final Set<String> YES = Set.of("true", "1", "y", "yes", "是");
    private static final Set<String> NO = Set.of("false", "0", "n", "no", "否");

    /**
     * RFC 4180 with every line kept (a blank line is a record of its own, so that each record's first line is known)
     * and text after a closing quote kept in its cell, as the register's reader always took it.
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setTrailingData(true)
            .get();

    record Parsed(List<HouseholdRow> rows, List<FieldProblem> problems) {
    }

    private HouseholdCsvParser() {
    }

    static Parsed parse(String text, int rowsMax) {
        List<FieldProblem> problems = new ArrayList<>();
        List<HouseholdRow> rows = new ArrayList<>();
        List<Record> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text, problems);
        if (!problems.isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        int columns = records.isEmpty() ? 0 : columns(records.get(0).cells());
        if (columns == 0) {
            problems.add(FieldProblem.atLine(1, "header", "HEADER_INVALID",
                    "the first line must be " + String.join(",", HEADER) + ", optionally followed by ,"
                            + RELATED_CADRES));
            return new Parsed(List.of(), problems);
        }
        int dataRows = 0;
        for (Record record : records.subList(1, records.size())) {
            if (record.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            dataRows++;
            if (dataRows > rowsMax) {
                problems.add(FieldProblem.atLine(record.line(), "file", "TOO_MANY_ROWS",
                        "a register file holds at most " + rowsMax + " rows; split the file"));
                break;
            }
            HouseholdRow row = row(record.line(), withoutEmptyCellsBeyond(record.cells(), columns), columns, problems);
            if (row != null) {
                rows.add(row);
            }
        }
        if (dataRows == 0) {
            problems.add(FieldProblem.atLine(1, "file", "NO_ROWS", "the file holds no households"));
        }
        return new Parsed(rows, problems);
    }

    /** One record of the file: its cells, and the line of the file on which it starts. */
    private record Record(int line, List<String> cells) {
    }

    /** The number of columns the header names: the seven, the seven and {@code relatedCadres}, or 0 for no header. */
    private static int columns(List<String> cells) {
        List<String> names = withoutEmptyCellsBeyond(cells, HEADER.size()).stream().map(String::strip).toList();
        if (names.equals(HEADER)) {
            return HEADER.size();
        }
        boolean withCadres = names.size() == HEADER.size() + 1 && names.subList(0, HEADER.size()).equals(HEADER)
                && names.get(HEADER.size()).equals(RELATED_CADRES);
        return withCadres ? HEADER.size() + 1 : 0;
    }

    /** The cells, less blank ones after the header's columns (a spreadsheet's empty columns at the right). */
    private static List<String> withoutEmptyCellsBeyond(List<String> cells, int columns) {
        int size = cells.size();
        while (size > columns && cells.get(size - 1).isBlank()) {
            size--;
        }
        return cells.subList(0, size);
    }

    /**
     * Every record of the text with the line it starts on: the parser's count of line breaks read before the record,
     * plus one. A record whose quote is never closed ends the reading with {@code UNCLOSED_QUOTE}.
     */
    private static List<Record> records(String text, List<FieldProblem> problems) {
        List<Record> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> iterator = parser.iterator();
            while (true) {
                int line = Math.toIntExact(parser.getCurrentLineNumber() + 1);
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                } catch (UncheckedIOException e) {
                    // The only way a string fails to read as CSV under this format: the end came inside quotes.
                    problems.add(FieldProblem.atLine(line, "row", "UNCLOSED_QUOTE", "a quoted cell is not closed"));
                    break;
                }
                records.add(new Record(line, iterator.next().toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return records;
    }

    private static HouseholdRow row(int line, List<String> cells, int columns, List<FieldProblem> problems) {
        // A spreadsheet drops an empty last cell: a row naming no cadre may end after the seventh.
        boolean cadresLeftOut = columns > HEADER.size() && cells.size() == HEADER.size();
        if (cells.size() != columns && !cadresLeftOut) {
            problems.add(FieldProblem.atLine(line, "row", "COLUMN_COUNT",
                    "the line has " + cells.size() + " cells; " + columns + " are expected"));
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
        List<String> cadres = cells.size() > HEADER.size() ? cadres(line, cells.get(HEADER.size()), problems) : List.of();
        if (problems.size() > before) {
            return null;
        }
        return new HouseholdRow(line, cardNo, name, IdNumber.parse(id), villageCode, members, migrant,
                BankCardNumber.parse(bank), cadres);
    }

    /** The user names of a {@code relatedCadres} cell ({@code ;} or {@code ；} between them), each once. */
    private static List<String> cadres(int line, String cell, List<FieldProblem> problems) {
        Set<String> cadres = new LinkedHashSet<>();
        for (String name : cell.split("[;；]")) {
            if (name.isBlank()) {
                continue;
            }
            String problem = CadreRelatives.cadreProblem(name);
            if (problem != null) {
                problems.add(FieldProblem.atLine(line, RELATED_CADRES, "CADRE_INVALID", problem));
                return List.of();
            }
            cadres.add(name.strip());
        }
        if (cadres.size() > CadreRelatives.PER_ROW_MAX) {
            problems.add(FieldProblem.atLine(line, RELATED_CADRES, "TOO_MANY_CADRES",
                    "a row names at most " + CadreRelatives.PER_ROW_MAX + " cadres"));
            return List.of();
        }
        return List.copyOf(cadres);
    }
}
