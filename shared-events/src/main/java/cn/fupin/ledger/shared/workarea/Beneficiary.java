package cn.fupin.ledger.shared.workarea;

/** Whom a project's money reaches (DOMAIN.md, "Targeting" / 特惠): a poor village as a whole, or poor households. */
public enum Beneficiary {
    /** 村: public services and infrastructure, in a poor village. */
    VILLAGE("村"),
    /** 户: industry, housing, training, social security and financial support, for registered poor households. */
    HOUSEHOLDS("户");

    private final String chineseName;

    Beneficiary(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
