package cn.fupin.ledger.shared.assessment;

import org.axonframework.serialization.Revision;

/**
 * A township's assessment (乡镇考核结果) for {@code year} was recorded by {@code recordedBy}: {@code scoreHundredths}
 * out of 10000 (hundredths of a point out of 100), from the document {@code documentNo}. The next year's competitive
 * rounds read it as their TOWNSHIP_ASSESSMENT criterion.
 */
@Revision("1")
public record TownshipAssessedEvent(String townshipCode, int year, int scoreHundredths, String documentNo,
                                    String recordedBy) {
}
