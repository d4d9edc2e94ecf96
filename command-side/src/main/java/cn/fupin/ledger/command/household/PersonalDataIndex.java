package cn.fupin.ledger.command.household;

import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import cn.fupin.ledger.shared.common.Refusal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Command-side index of the keyed fingerprints of every registered ID number and bank card number, and the
 * household that holds each. It makes "one person heads one household" and "one bank card belongs to one
 * household" hold across all households: rows are written in the same database transaction as the registration
 * events, and the primary key on the fingerprint makes a racing second claim fail the whole transaction.
 * It holds no plain number; it can be rebuilt from the events by whoever holds the key.
 */
@Component
class PersonalDataIndex implements BankCardHolders {

    enum Kind { ID_NUMBER, BANK_CARD }

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataCipher cipher;

    PersonalDataIndex(NamedParameterJdbcTemplate jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * A corrected bank card: the household's old card leaves the index and the new one is claimed, both in the
     * command's transaction, so a refused or failed correction leaves the index as it was. A racing second claim of
     * the same card fails on the primary key, as for an import.
     */
    @Override
    public void move(String cardNo, String bankCard) {
        String fingerprint = cipher.fingerprint(Kind.BANK_CARD.name(), bankCard);
        String holder = holders(List.of(fingerprint)).get(fingerprint);
        if (holder != null && !holder.equals(cardNo)) {
            throw Refusal.conflict("BANK_CARD_REGISTERED", "another registered household holds this bank card");
        }
        jdbc.update("DELETE FROM personal_data_index WHERE kind = :kind AND card_no = :cardNo",
                new MapSqlParameterSource().addValue("kind", Kind.BANK_CARD.name()).addValue("cardNo", cardNo));
        claim(fingerprint, Kind.BANK_CARD, cardNo);
    }

    /** The card numbers that hold each of the given fingerprints, for those that are held. */
    Map<String, String> holders(Collection<String> fingerprints) {
        Map<String, String> holders = new HashMap<>();
        if (fingerprints.isEmpty()) {
            return holders;
        }
        List<String> all = List.copyOf(fingerprints);
        int chunk = 500;
        for (int from = 0; from < all.size(); from += chunk) {
            List<String> part = all.subList(from, Math.min(all.size(), from + chunk));
            jdbc.query("SELECT fingerprint, card_no FROM personal_data_index WHERE fingerprint IN (:fingerprints)",
                    new MapSqlParameterSource("fingerprints", part),
                    rs -> {
                        holders.put(rs.getString("fingerprint"), rs.getString("card_no"));
                    });
        }
        return holders;
    }

    void claim(String fingerprint, Kind kind, String cardNo) {
        jdbc.update("INSERT INTO personal_data_index (fingerprint, kind, card_no) VALUES (:fingerprint, :kind, :cardNo)",
                new MapSqlParameterSource()
                        .addValue("fingerprint", fingerprint)
                        .addValue("kind", kind.name())
                        .addValue("cardNo", cardNo));
    }
}
