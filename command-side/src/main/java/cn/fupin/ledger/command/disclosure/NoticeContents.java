package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.PublishNoticeCommand;
import cn.fupin.ledger.shared.household.PersonalNumbers;
import cn.fupin.ledger.shared.place.Gazetteer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a notice's content before it is published and completes it with what only the ledger decides: its id and
 * its period. Pure: everything it needs is passed in. Every problem is named at once (NOTICE_INVALID, 422), so that a
 * publisher fixes them all in one go. Limits on every part keep one notice within what a page, a print-out for the
 * village board and one event can hold.
 */
final class NoticeContents {

    static final int PLACE_NAME_LENGTH_MAX = 100;
    static final int TITLE_LENGTH_MAX = 200;
    static final int BODY_LENGTH_MAX = 20_000;
    static final int FIELDS_MAX = 100;
    static final int LABEL_LENGTH_MAX = 100;
    static final int VALUE_LENGTH_MAX = 2_000;
    static final int COLUMNS_MAX = 30;
    static final int CELL_LENGTH_MAX = 500;
    /** A grant batch has at most 1,000 households; a county's project list is longer, but not by this much. */
    static final int ROWS_MAX = 5_000;
    static final int ITEM_LENGTH_MAX = 80;
    static final int PHONE_LENGTH_MAX = 40;
    static final int CORRECTION_REASON_LENGTH_MAX = 500;

    private static final Pattern ITEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0," + (ITEM_LENGTH_MAX - 1) + "}");
    /** A run of digits, possibly grouped by single spaces or dashes as card numbers are written, and an ID's X. */

    private NoticeContents() {
    }

    /**
     * The content as it will be published: the given one with the notice id and the period filled in; or
     * NOTICE_INVALID naming every problem.
     */
    static NoticeContent complete(PublishNoticeCommand command, PublicityPeriod period, int periodDaysMin,
                                  Gazetteer gazetteer) {
        List<FieldProblem> problems = new ArrayList<>();
        NoticeContent content = command.content();
        if (content == null) {
            throw Refusal.invalidField("CONTENT_REQUIRED", "content", "a notice needs its content");
        }
        String noticeId = command.noticeId().value();
        if (content.noticeId() != null && !content.noticeId().equals(noticeId)) {
            problems.add(FieldProblem.of("noticeId", "NOTICE_ID_MISMATCH", "the content names another notice id"));
        }
        if (command.periodDays() < periodDaysMin) {
            problems.add(FieldProblem.of("periodDays", "PERIOD_TOO_SHORT",
                    "a notice is public for at least " + periodDaysMin + " days"));
        } else if (command.periodDays() > DisclosurePolicy.PERIOD_DAYS_MAX) {
            problems.add(FieldProblem.of("periodDays", "PERIOD_TOO_LONG",
                    "a period lasts at most " + DisclosurePolicy.PERIOD_DAYS_MAX + " days"));
        }
        if (period != null && content.periodStart() != null && !content.periodStart().equals(period.firstDay())) {
            problems.add(FieldProblem.of("periodStart", "PERIOD_SET_BY_LEDGER",
                    "the period starts on the day of publication by the ledger's clock; leave it empty"));
        }
        if (period != null && content.periodEnd() != null && !content.periodEnd().equals(period.lastDay())) {
            problems.add(FieldProblem.of("periodEnd", "PERIOD_SET_BY_LEDGER",
                    "the period's last day follows from the period's length; leave it empty"));
        }
        checkPlace(content, gazetteer, problems);
        checkText(content, problems);
        checkTable(content, command.items(), problems);
        checkCorrection(content, problems);
        checkNoPersonalNumbers(content, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid("NOTICE_INVALID", "the notice was not published: " + problems.size()
                    + " problem(s)", problems);
        }
        return new NoticeContent(noticeId, content.kind(), content.level(), content.placeCode(),
                content.placeName().strip(), content.title().strip(), content.body(), content.fields(),
                content.columns(), content.rows(), period.firstDay(), period.lastDay(), content.supersedes(),
                blankToNull(content.correctionReason()), blankToNull(content.supervisionPhone()), content.hotline());
    }

    private static void checkPlace(NoticeContent content, Gazetteer gazetteer, List<FieldProblem> problems) {
        if (content.kind() == null) {
            problems.add(FieldProblem.of("kind", "KIND_REQUIRED", "a notice is of one kind"));
        }
        if (content.level() == null) {
            problems.add(FieldProblem.of("level", "LEVEL_REQUIRED", "a notice is published at a level"));
        } else if (content.placeCode() == null) {
            problems.add(FieldProblem.of("placeCode", "PLACE_REQUIRED", "a notice is published for a place"));
        } else if (!placeExists(content.level(), content.placeCode(), gazetteer)) {
            problems.add(FieldProblem.of("placeCode", "PLACE_UNKNOWN",
                    "the place is not a " + content.level().name().toLowerCase(java.util.Locale.ROOT)
                            + " of the county"));
        }
        if (Text.isBlank(content.placeName())) {
            problems.add(FieldProblem.of("placeName", "PLACE_NAME_REQUIRED", "a notice names its place"));
        } else if (!oneLine(content.placeName(), PLACE_NAME_LENGTH_MAX)) {
            problems.add(FieldProblem.of("placeName", "PLACE_NAME_INVALID",
                    "a place name is one line of at most " + PLACE_NAME_LENGTH_MAX + " characters"));
        }
    }

    private static boolean placeExists(NoticeLevel level, String code, Gazetteer gazetteer) {
        return switch (level) {
            case COUNTY -> gazetteer.county().code().equals(code);
            case TOWNSHIP -> gazetteer.township(code).isPresent();
            case VILLAGE -> gazetteer.hasVillage(code);
        };
    }

    private static void checkText(NoticeContent content, List<FieldProblem> problems) {
        if (Text.isBlank(content.title())) {
            problems.add(FieldProblem.of("title", "TITLE_REQUIRED", "a notice has a title"));
        } else if (!oneLine(content.title(), TITLE_LENGTH_MAX)) {
            problems.add(FieldProblem.of("title", "TITLE_INVALID",
                    "a title is one line of at most " + TITLE_LENGTH_MAX + " characters"));
        }
        if (content.body() != null && (content.body().length() > BODY_LENGTH_MAX
                || Text.hasControlCharacters(content.body()))) {
            problems.add(FieldProblem.of("body", "BODY_INVALID",
                    "the body has at most " + BODY_LENGTH_MAX + " characters and no control characters"));
        }
        if (content.fields().size() > FIELDS_MAX) {
            problems.add(FieldProblem.of("fields", "FIELDS_TOO_MANY",
                    "a notice has at most " + FIELDS_MAX + " fields"));
        } else {
            for (int i = 0; i < content.fields().size(); i++) {
                NoticeContent.Field field = content.fields().get(i);
                if (field == null || Text.isBlank(field.label()) || !oneLine(field.label(), LABEL_LENGTH_MAX)
                        || field.value() == null || field.value().length() > VALUE_LENGTH_MAX
                        || Text.hasControlCharacters(field.value())) {
                    problems.add(FieldProblem.of("fields[" + i + "]", "FIELD_INVALID", "a field has a label of one line"
                            + " (at most " + LABEL_LENGTH_MAX + " characters) and a value of at most "
                            + VALUE_LENGTH_MAX + " characters"));
                }
            }
        }
        if (!NoticeContent.HOTLINE.equals(content.hotline())) {
            problems.add(FieldProblem.of("hotline", "HOTLINE_REQUIRED",
                    "every notice names the national supervision hotline " + NoticeContent.HOTLINE));
        }
        if (content.supervisionPhone() != null && !oneLine(content.supervisionPhone(), PHONE_LENGTH_MAX)) {
            problems.add(FieldProblem.of("supervisionPhone", "SUPERVISION_PHONE_INVALID",
                    "a phone number is one line of at most " + PHONE_LENGTH_MAX + " characters"));
        }
        if ((content.kind() == NoticeKind.PROJECT_PLAN || content.kind() == NoticeKind.PROJECT_LIST)
                && Text.isBlank(content.supervisionPhone())) {
            problems.add(FieldProblem.of("supervisionPhone", "SUPERVISION_PHONE_REQUIRED",
                    "a project plan names where to report: the supervision phone"));
        }
    }

    /** The table: cells per column, each item named once and well formed, and the items exactly those listed. */
    private static void checkTable(NoticeContent content, List<String> items, List<FieldProblem> problems) {
        if (content.columns().size() > COLUMNS_MAX) {
            problems.add(FieldProblem.of("columns", "COLUMNS_TOO_MANY",
                    "a table has at most " + COLUMNS_MAX + " columns"));
            return;
        }
        for (int i = 0; i < content.columns().size(); i++) {
            if (Text.isBlank(content.columns().get(i)) || !oneLine(content.columns().get(i), LABEL_LENGTH_MAX)) {
                problems.add(FieldProblem.of("columns[" + i + "]", "COLUMN_INVALID",
                        "a column heading is one line of at most " + LABEL_LENGTH_MAX + " characters"));
            }
        }
        if (content.rows().size() > ROWS_MAX) {
            problems.add(FieldProblem.of("rows", "ROWS_TOO_MANY", "a notice lists at most " + ROWS_MAX + " rows"));
            return;
        }
        Set<String> rowItems = new HashSet<>();
        for (int i = 0; i < content.rows().size(); i++) {
            NoticeContent.Row row = content.rows().get(i);
            String field = "rows[" + i + "]";
            if (row == null || row.item() == null || !ITEM.matcher(row.item()).matches()) {
                problems.add(FieldProblem.of(field + ".item", "ITEM_INVALID", "each row names the item it lists: "
                        + "an id of letters, digits, dots, colons and dashes, at most " + ITEM_LENGTH_MAX
                        + " characters"));
                continue;
            }
            if (!rowItems.add(row.item())) {
                problems.add(FieldProblem.of(field + ".item", "ITEM_LISTED_TWICE", "each item is listed once"));
            }
            if (row.cells().size() != content.columns().size()) {
                problems.add(FieldProblem.of(field + ".cells", "CELLS_NOT_COLUMNS",
                        "a row has one cell per column (" + content.columns().size() + ")"));
            } else if (row.cells().stream().anyMatch(cell -> cell == null || !oneLine(cell, CELL_LENGTH_MAX))) {
                problems.add(FieldProblem.of(field + ".cells", "CELL_INVALID",
                        "a cell is one line of at most " + CELL_LENGTH_MAX + " characters"));
            }
        }
        Set<String> listed = items == null ? Set.of() : new HashSet<>(items);
        if (items == null || listed.size() != items.size() || !listed.equals(rowItems)) {
            problems.add(FieldProblem.of("items", "ITEMS_NOT_ROWS",
                    "the items a notice lists are exactly the items of its rows, each once"));
        }
    }

    private static void checkCorrection(NoticeContent content, List<FieldProblem> problems) {
        if (content.supersedes() == null) {
            if (content.kind() == NoticeKind.CORRECTION) {
                problems.add(FieldProblem.of("supersedes", "SUPERSEDES_REQUIRED",
                        "a correction notice names the notice it corrects"));
            }
            if (content.correctionReason() != null) {
                problems.add(FieldProblem.of("correctionReason", "NOT_A_CORRECTION",
                        "only a notice that supersedes another gives a correction reason"));
            }
            return;
        }
        if (!content.supersedes().matches("NTC-[A-Za-z0-9-]{1,60}")) {
            problems.add(FieldProblem.of("supersedes", "SUPERSEDED_NOTICE_NOT_FOUND", "no notice has this id"));
        }
        if (Text.isBlank(content.correctionReason())) {
            problems.add(FieldProblem.of("correctionReason", "CORRECTION_REASON_REQUIRED",
                    "a correction says what it corrects and why"));
        } else if (content.correctionReason().strip().length() > CORRECTION_REASON_LENGTH_MAX
                || Text.hasControlCharacters(content.correctionReason())) {
            problems.add(FieldProblem.of("correctionReason", "CORRECTION_REASON_INVALID",
                    "a correction reason has at most " + CORRECTION_REASON_LENGTH_MAX + " characters"));
        }
    }

    /**
     * A notice is public for the long term, and its content lives in an event forever: an 18-character ID number with
     * a valid check character, or a 16 to 19 digit number that passes the Luhn check (a bank card), is refused
     * wherever it stands (PERSONAL_NUMBER_IN_NOTICE), and the problem names where, never the number.
     */
    static void checkNoPersonalNumbers(NoticeContent content, List<FieldProblem> problems) {
        List<String[]> texts = new ArrayList<>();
        texts.add(new String[] {"title", content.title()});
        texts.add(new String[] {"body", content.body()});
        texts.add(new String[] {"placeName", content.placeName()});
        texts.add(new String[] {"correctionReason", content.correctionReason()});
        for (int i = 0; i < content.fields().size(); i++) {
            NoticeContent.Field field = content.fields().get(i);
            if (field != null) {
                texts.add(new String[] {"fields[" + i + "]", field.label()});
                texts.add(new String[] {"fields[" + i + "]", field.value()});
            }
        }
        for (int i = 0; i < content.rows().size(); i++) {
            NoticeContent.Row row = content.rows().get(i);
            if (row != null) {
                texts.add(new String[] {"rows[" + i + "].item", row.item()});
                for (String cell : row.cells()) {
                    texts.add(new String[] {"rows[" + i + "].cells", cell});
                }
            }
        }
        Set<String> named = new HashSet<>();
        for (String[] text : texts) {
            if (containsPersonalNumber(text[1]) && named.add(text[0])) {
                problems.add(FieldProblem.of(text[0], "PERSONAL_NUMBER_IN_NOTICE",
                        "an ID number or a bank card number may never appear on a public notice"));
            }
        }
    }

    /** Whether the text holds what looks like an ID number (valid check character) or a bank card (Luhn-valid). */
    static boolean containsPersonalNumber(String text) {
        return PersonalNumbers.in(text);
    }

    private static boolean oneLine(String text, int lengthMax) {
        return text.strip().length() <= lengthMax && !Text.hasAnyControlCharacters(text);
    }

    private static String blankToNull(String text) {
        return Text.isBlank(text) ? null : text.strip();
    }
}
