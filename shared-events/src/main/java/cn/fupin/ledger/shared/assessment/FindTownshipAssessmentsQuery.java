package cn.fupin.ledger.shared.assessment;

/** Recorded township assessments, of one township and/or one year where given ({@code null} means any). */
public record FindTownshipAssessmentsQuery(String townshipCode, Integer year) {
}
