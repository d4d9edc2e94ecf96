package cn.fupin.ledger.shared.disclosure;

/** The notices published for a place ({@code placeCode} of the given level; the county's code for COUNTY). */
public record FindNoticesQuery(NoticeLevel level, String placeCode) {
}
