package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.disclosure.page.HtmlWriter.Cell;
import cn.fupin.ledger.disclosure.page.HtmlWriter.Column;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@link GrantListPrint}: one A4 sheet (the stylesheet inline, so the file prints on its own), the village's
 * requested and paid start-up grants (rejected and reversed ones left out), the total, and where to object.
 */
final class GrantListPrintRenderer {

    private GrantListPrintRenderer() {
    }

    static byte[] render(GrantListPrint data) {
        String village = Formats.place(data.path().village().name());
        String title = village + "到户增收项目启动资金公示名单";
        HtmlWriter page = new HtmlWriter();
        page.markup("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .markup("<title>").text(title + "（张贴用）").markup("</title>\n<style>\n")
                .markup(new String(Stylesheet.bytes(), StandardCharsets.UTF_8))
                .markup("\n</style>\n</head>\n<body class=\"print-copy\">\n<main>\n")
                .element("h1", title).markup("\n")
                .paragraph("note", Formats.place(data.path().county().name()) + " "
                        + Formats.place(data.path().township().name()) + " " + village
                        + "。每户建档立卡贫困户（含移民贫困户）安排不低于3,000.00元。"
                        + (data.fullNames() ? "本名单供张贴于村务公开栏，请勿在网上传播。" : "户主姓名只显示姓和末字。"))
                .markup("\n");
        List<List<Cell>> rows = new ArrayList<>();
        long totalFen = 0;
        for (DisbursementView grant : data.grants()) {
            if (grant.payeeKind() != PayeeKind.HOUSEHOLD || grant.status() == DisbursementStatus.REJECTED
                    || grant.status() == DisbursementStatus.REVERSED) {
                continue;
            }
            String name = data.fullNames() ? data.headNames().getOrDefault(grant.cardNo(), grant.headNameMasked())
                    : grant.headNameMasked();
            rows.add(List.of(Cell.of(String.valueOf(rows.size() + 1)), Cell.of(Formats.orDash(name)),
                    Cell.of(Formats.yuan(grant.amountFen())), Cell.of(Formats.grantStatus(grant.status()))));
            totalFen = Math.addExact(totalFen, grant.amountFen());
        }
        page.table(null, List.of(Column.number("序号"), Column.text("户主"), Column.number("金额"), Column.text("状态")),
                rows);
        page.paragraph("total", "合计 " + rows.size() + " 户，" + Formats.yuan(totalFen) + "。").markup("\n")
                .paragraph("note", "公示期内如有异议，请向村委会、乡镇人民政府反映，或拨打全国扶贫监督举报电话 12317。")
                .markup("\n</main>\n</body>\n</html>\n");
        return page.bytes();
    }
}
