package cn.fupin.ledger.shared.household;

import org.axonframework.serialization.Revision;

/**
 * The head of household {@code cardNo} was declared a relative of the cadre (a user of the ledger) {@code cadre}
 * (优亲厚友: cadres' relatives favoured is among the irregularities audits find most): by a declaration, or by the
 * register column {@code relatedCadres} at an import. The red flag RELATED_PARTY then shows every act of that cadre
 * on the household's project, payments or objections.
 *
 * @param relation how they are related, in the declarer's words (e.g. 兄弟); {@code null} from an import
 * @param reason the declarer's reason or source; {@code null} from an import
 * @param importId the import whose register row declared it, {@code null} for a declaration
 */
@Revision("1")
public record CadreRelativeDeclaredEvent(String cardNo, String cadre, String relation, String reason,
                                         String importId) {
}
