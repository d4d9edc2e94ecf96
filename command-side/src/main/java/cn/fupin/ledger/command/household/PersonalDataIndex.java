package cn.fupin.ledger.command.household;

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
class PersonalDataIndex {

    enum Kind { ID_NUMBER, BANK_CARD }

    private final NamedParameterJdbcTemplate jdbc;

    PersonalDataIndex(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
