package cn.fupin.ledger.shared.disclosure;

/** What a notice announces (三级公告公示), and at which level it is published. */
public enum NoticeKind {
    /** 资金分配公告 (county): a fund's appropriations with their document numbers. Due within 15 working days. */
    FUND_ALLOCATION(NoticeLevel.COUNTY, "资金分配公告"),
    /** 竞争立项结果公示 (county): a closed round's ranking and awards. */
    ROUND_RESULT(NoticeLevel.COUNTY, "竞争立项结果公示"),
    /**
     * 项目计划公告 (county and township lists): an approved project's line on the county's and its township's lists of
     * approved projects, pointing to its plan in full.
     */
    PROJECT_LIST(NoticeLevel.COUNTY, "项目计划公告"),
    /** 项目计划公示 (village): one approved project in full, with the supervision phone and the 12317 hotline. */
    PROJECT_PLAN(NoticeLevel.VILLAGE, "项目计划公示"),
    /** 到户资金公示 (village): the households of a grant batch and their amounts, before payment. */
    GRANT_LIST(NoticeLevel.VILLAGE, "到户增收项目启动资金公示"),
    /** 项目竣工验收公告 (village): a project's completion and acceptance, after the money moved. */
    COMPLETION(NoticeLevel.VILLAGE, "项目竣工验收公告"),
    /** 更正公告: supersedes an earlier notice, which stays published and says so. */
    CORRECTION(NoticeLevel.VILLAGE, "更正公告");

    private final NoticeLevel defaultLevel;
    private final String chineseName;

    NoticeKind(NoticeLevel defaultLevel, String chineseName) {
        this.defaultLevel = defaultLevel;
        this.chineseName = chineseName;
    }

    public NoticeLevel defaultLevel() {
        return defaultLevel;
    }

    public String chineseName() {
        return chineseName;
    }
}
