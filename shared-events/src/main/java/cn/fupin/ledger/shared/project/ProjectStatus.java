package cn.fupin.ledger.shared.project;

/**
 * Where a project stands (DOMAIN.md, "Lifecycle"). A project proposed outside a competitive round goes straight
 * from PROPOSED to APPROVED; one submitted to a round is SELECTED or REJECTED when the round closes.
 */
public enum ProjectStatus {
    PROPOSED("已申报"),
    SELECTED("竞争入选"),
    REJECTED("未入选"),
    APPROVED("已批复"),
    IMPLEMENTING("实施中"),
    COMPLETED("已完工"),
    ACCEPTED("已验收"),
    CANCELLED("已撤销");

    private final String chineseName;

    ProjectStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
