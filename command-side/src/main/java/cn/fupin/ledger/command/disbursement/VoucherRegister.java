package cn.fupin.ledger.command.disbursement;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Command-side register of every voucher number (凭证号) a payment was requested on, and the disbursement or grant
 * batch that holds it, so that one voucher pays once across all projects. Rows are written in the same database
 * transaction as the request's events, so a refused or lost request leaves none; the primary key on the voucher
 * number makes a racing second use of one voucher fail its whole transaction, which is then run again and finds the
 * voucher held. It can be rebuilt from the {@code DisbursementRequestedEvent}s and {@code GrantBatchSubmittedEvent}s.
 */
@Component
class VoucherRegister {

    private static final int CHUNK = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    VoucherRegister(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The holder of each given voucher number, for those that are held. */
    Map<String, String> holders(Collection<String> voucherNos) {
        Map<String, String> holders = new HashMap<>();
        List<String> all = List.copyOf(voucherNos);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> part = all.subList(from, Math.min(all.size(), from + CHUNK));
            jdbc.query("SELECT voucher_no, holder_id FROM voucher_register WHERE voucher_no IN (:voucherNos)",
                    new MapSqlParameterSource("voucherNos", part),
                    rs -> {
                        holders.put(rs.getString("voucher_no"), rs.getString("holder_id"));
                    });
        }
        return holders;
    }

    /**
     * Registers the voucher numbers as held by their holders (voucher number → disbursement or batch id). One that
     * another transaction registered since {@link #holders} was asked is a lost race: Axon's
     * {@link ConcurrencyException}, so that the request is run again and then refused for the held voucher.
     */
    void register(Map<String, String> holderByVoucherNo) {
        // DATETIME(6) in UTC, whatever the time zone of the JVM (docs/architecture.md, "Schema").
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Map.Entry<String, String> voucher : holderByVoucherNo.entrySet()) {
            try {
                jdbc.update("INSERT INTO voucher_register (voucher_no, holder_id, registered_at) "
                                + "VALUES (:voucherNo, :holderId, :registeredAt)",
                        new MapSqlParameterSource()
                                .addValue("voucherNo", voucher.getKey())
                                .addValue("holderId", voucher.getValue())
                                .addValue("registeredAt", now));
            } catch (DuplicateKeyException raced) {
                throw new ConcurrencyException("the voucher held by " + voucher.getValue()
                        + " was registered by another request meanwhile");
            }
        }
    }
}
