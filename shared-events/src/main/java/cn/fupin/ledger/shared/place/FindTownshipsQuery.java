package cn.fupin.ledger.shared.place;

/** Every township of the county with its villages and their poor-village designations. */
public record FindTownshipsQuery() {
}
