package cn.fupin.ledger.shared.workarea;

import java.util.List;

/**
 * One key work area of the county plan (重点工作): its stable {@code code}, its name, the lead department(s)
 * (牵头单位) the plan names, the plan's item it comes from ({@code seedItem}, e.g. 二（六）2) and whom its funds
 * target.
 */
public record WorkArea(String code, String seedItem, String name, List<String> leadDepartments, Beneficiary targets) {

    public WorkArea {
        if (code == null || !code.matches("[A-Z][A-Z_]{1,39}")) {
            throw new IllegalArgumentException("a work area code is UPPER_SNAKE_CASE: " + code);
        }
        if (name == null || name.isBlank() || leadDepartments == null || leadDepartments.isEmpty() || targets == null) {
            throw new IllegalArgumentException("work area " + code + " needs a name, a lead department and a target");
        }
        leadDepartments = List.copyOf(leadDepartments);
    }
}
