package cn.fupin.ledger.shared.disclosure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What tells one notice of a list from its neighbours — its township, village, project and amount — read from the
 * notice's published content, so that a village's list of twenty grant lists reads as twenty different lines rather
 * than twenty look-alike titles. Each part is {@code null} when the content does not state it (a county allocation
 * names no village; a round's result names many townships, hence none). Pure: the read model keeps it beside the
 * notice (V25) and fills it again from the same content on every replay, so the same stored events give the same
 * line.
 *
 * <p>Where each part is found: a township's or village's notice names its own place; a list's single row names its
 * 乡镇 and 村; a plan or acceptance states its location (建设地点, 项目地点) as the township followed by the village. The
 * project is the row's 项目名称 or the field 项目名称 / 项目. The amount is the sum of a grant list's rows (so a correction
 * that withdrew a household shows what is still listed), otherwise the first stated total (金额合计, 项目总投资, 金额,
 * 安排资金合计, 项目预算), in 万元 as the notice words it.
 */
public record NoticeListLine(String township, String village, String project, String amount) {

    /** The longest part kept (the read model's columns); a longer one is cut with an ellipsis. */
    public static final int PART_LENGTH_MAX = 100;

    private static final String WHOLE_TOWNSHIP = "全乡镇";
    private static final List<String> LOCATION_FIELDS = List.of("建设地点", "项目地点");
    private static final List<String> PROJECT_FIELDS = List.of("项目名称", "项目");
    private static final List<String> AMOUNT_FIELDS = List.of("金额合计", "项目总投资", "金额", "安排资金合计", "项目预算");
    private static final Set<String> GRANT_AMOUNT_COLUMNS = Set.of("补助金额（元）", "金额（元）");
    private static final BigDecimal FEN_PER_YUAN = BigDecimal.valueOf(100);

    /** The line of nothing: a list shows the notice's title alone. */
    public static final NoticeListLine NONE = new NoticeListLine(null, null, null, null);

    public NoticeListLine {
        township = part(township);
        village = part(village);
        project = part(project);
        amount = part(amount);
    }

    public static NoticeListLine of(NoticeContent content) {
        if (content == null) {
            return NONE;
        }
        String village = content.level() == NoticeLevel.VILLAGE ? content.placeName() : column(content, "村");
        if (WHOLE_TOWNSHIP.equals(village)) {
            village = null;
        }
        String township = content.level() == NoticeLevel.TOWNSHIP ? content.placeName() : column(content, "乡镇");
        if (township == null) {
            township = townshipOfLocation(content, village);
        }
        String project = column(content, "项目名称");
        if (project == null) {
            project = firstField(content, PROJECT_FIELDS, value -> !value.isBlank() && !"—".equals(value));
            // a list's field 项目 reads "name（project id）": the id is not what a villager tells projects apart by
            if (project != null && project.endsWith("）") && project.contains("（")) {
                project = project.substring(0, project.lastIndexOf('（'));
            }
        }
        String amount = grantTotal(content);
        if (amount == null) {
            String stated = firstField(content, AMOUNT_FIELDS, value -> value.contains("元"));
            amount = stated == null ? null : stated.split("（", 2)[0];
        }
        return new NoticeListLine(township, village, project, amount);
    }

    /** The parts that exist, in order: township, village, project, amount. */
    public List<String> parts() {
        return java.util.stream.Stream.of(township, village, project, amount).filter(Objects::nonNull).toList();
    }

    /** The cell of the column headed {@code heading} when every row has the same one; else {@code null}. */
    private static String column(NoticeContent content, String heading) {
        int index = content.columns().indexOf(heading);
        if (index < 0 || content.rows().isEmpty()) {
            return null;
        }
        String first = content.rows().get(0).cells().size() > index ? content.rows().get(0).cells().get(index) : null;
        for (NoticeContent.Row row : content.rows()) {
            if (row.cells().size() <= index || !Objects.equals(first, row.cells().get(index))) {
                return null;
            }
        }
        return first;
    }

    /** The township of a location stated as township then village (建设地点 文昌镇白鹤村), when the village is known. */
    private static String townshipOfLocation(NoticeContent content, String village) {
        if (village == null) {
            return null;
        }
        String location = firstField(content, LOCATION_FIELDS, value -> true);
        if (location == null || !location.endsWith(village) || location.length() == village.length()) {
            return null;
        }
        return location.substring(0, location.length() - village.length());
    }

    private static String firstField(NoticeContent content, List<String> labels, Predicate<String> usable) {
        for (String label : labels) {
            for (NoticeContent.Field field : content.fields()) {
                if (field != null && label.equals(field.label()) && field.value() != null
                        && usable.test(field.value().strip())) {
                    return field.value().strip();
                }
            }
        }
        return null;
    }

    /**
     * The sum of a grant list's amounts in 万元 (cells in yuan, 3,000.00), exact to the fen; {@code null} when the
     * table is not a grant list or a cell is not an amount.
     */
    private static String grantTotal(NoticeContent content) {
        int index = -1;
        for (int i = 0; i < content.columns().size(); i++) {
            if (GRANT_AMOUNT_COLUMNS.contains(content.columns().get(i))) {
                index = i;
            }
        }
        if (index < 0 || content.rows().isEmpty()) {
            return null;
        }
        long fen = 0;
        for (NoticeContent.Row row : content.rows()) {
            if (row.cells().size() <= index) {
                return null;
            }
            try {
                BigDecimal yuan = new BigDecimal(row.cells().get(index).strip().replace(",", ""));
                fen = Math.addExact(fen, yuan.multiply(FEN_PER_YUAN).longValueExact());
            } catch (NumberFormatException | ArithmeticException notAnAmount) {
                return null;
            }
        }
        return cn.fupin.ledger.shared.money.Money.wanYuan(fen);
    }

    private static String part(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= PART_LENGTH_MAX ? stripped
                : stripped.substring(0, PART_LENGTH_MAX - 1) + "…";
    }
}
