package cn.fupin.ledger.shared.assessment;

import java.math.BigDecimal;
import java.time.Instant;

/** A recorded township assessment; {@code score} is out of 100 with two decimals (shown, never computed with). */
public record TownshipAssessmentView(String townshipCode, String townshipName, int year, BigDecimal score,
                                     String documentNo, String recordedBy, Instant recordedAt) {
}
