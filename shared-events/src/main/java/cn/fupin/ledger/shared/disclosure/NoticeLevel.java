package cn.fupin.ledger.shared.disclosure;

/** The three levels of public disclosure: county (县), township (乡镇), village (村). */
public enum NoticeLevel {
    COUNTY("县"),
    TOWNSHIP("乡镇"),
    VILLAGE("村");

    private final String chineseName;

    NoticeLevel(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
