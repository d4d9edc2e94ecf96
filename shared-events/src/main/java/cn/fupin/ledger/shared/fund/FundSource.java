package cn.fupin.ledger.shared.fund;

/** Where poverty-alleviation money comes from (资金来源). */
public enum FundSource {
    /** 中央财政专项扶贫资金 */
    CENTRAL("中央财政专项扶贫资金"),
    /** 省级财政专项扶贫资金 */
    PROVINCIAL("省级财政专项扶贫资金"),
    /** 市级财政专项扶贫资金 */
    MUNICIPAL("市级财政专项扶贫资金"),
    /** 县本级财政: must reach 12,000,000 yuan a year (seed, 三). */
    COUNTY("县本级财政扶贫资金"),
    /** 整合涉农资金 */
    INTEGRATED_AGRICULTURE("整合涉农资金"),
    /** 以工代赈 */
    WORK_RELIEF("以工代赈资金"),
    /** 社会捐赠 */
    DONATION("社会捐赠资金");

    private final String chineseName;

    FundSource(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
